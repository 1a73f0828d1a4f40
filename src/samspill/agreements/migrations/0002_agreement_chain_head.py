"""Keyed version hashes and a sealed chain head on the agreement.

Existing chains were hashed with plain SHA-256; they are re-hashed with the integrity key
(the same canonical body) and their heads sealed, so ``verify_agreement_chains`` checks
them like new ones.
"""

from typing import Any

from django.db import migrations, models

from samspill.lib.integrity import keyed_hash


def rehash_chains(apps: Any, schema_editor: Any) -> None:
    Agreement = apps.get_model("agreements", "Agreement")
    Version = apps.get_model("agreements", "Version")
    for agreement in Agreement.objects.filter(versions__isnull=False).distinct():
        previous, length = "", 0
        for version in Version._base_manager.filter(agreement=agreement).order_by("number"):
            body = {
                "agreement": str(agreement.uuid),
                "number": version.number,
                "previous": previous,
                "created_at": version.created_at.isoformat(),
                "snapshot": version.snapshot,
            }
            digest = keyed_hash("agreement-version", body)
            Version._base_manager.filter(pk=version.pk).update(previous_hash=previous, hash=digest)
            previous, length = digest, version.number
        seal = {"agreement": str(agreement.uuid), "length": length, "head": previous}
        Agreement.objects.filter(pk=agreement.pk).update(
            chain_length=length, chain_seal=keyed_hash("agreement-chain-head", seal)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0001_agreements_versions_approvals"),
    ]

    operations = [
        migrations.AddField(
            model_name="agreement",
            name="chain_length",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="agreement",
            name="chain_seal",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.RunPython(rehash_chains, migrations.RunPython.noop),
    ]
