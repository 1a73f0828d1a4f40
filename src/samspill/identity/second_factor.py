"""The second factor: TOTP codes from an authenticator app, and one-time recovery codes.

NAV's own staff and the administrator (``User.needs_second_factor``) confirm every login
with a six-digit code after the password (``middleware.SecondFactorMiddleware`` sends them
here). The devices are django-otp's: a ``TOTPDevice`` per user, and a ``StaticDevice``
holding the recovery codes, each usable once. Every enrolment, every check and every use
of a recovery code is in the audit trail (object type ``login``).
"""

from __future__ import annotations

from base64 import b32encode
from collections.abc import Iterable

import segno
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from samspill.accounts.models import IdentityProviderDevice, User
from samspill.audit.models import Action, Outcome, Purpose
from samspill.audit.services import Subject, audit_record

#: How many recovery codes a user gets (each works once).
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Autentiseringsapp"
RECOVERY_DEVICE_NAME = "Reservekoder"
IDENTITY_PROVIDER_DEVICE_NAME = "Innlogging som ansatt"

#: The demo users' TOTP secret (RFC 6238's test key, base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ).
#: Demo only: seed_demo refuses production settings, and the code page shows the current
#: code for a device with this key only when DEBUG is on.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"


def login_subject(user: User) -> Subject:
    return Subject(object_type="login", object_uuid=user.uuid)


def _audit(*, user: User, action: Action, detail: str, outcome: Outcome = Outcome.ALLOWED) -> None:
    audit_record(
        actor=user,
        subject=login_subject(user),
        action=action,
        purpose=Purpose.OWN_DATA,
        outcome=outcome,
        detail=detail,
    )


def app_device(user: User) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they have enrolled one."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def totp_code(device: TOTPDevice) -> str:
    """The code the device's app shows now (for demo users and tests)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def demo_code(device: TOTPDevice) -> str | None:
    """The current code of a demo user's device, only with DEBUG on; else None."""
    if settings.DEBUG and device.key == DEMO_TOTP_KEY:
        return totp_code(device)
    return None


def secret_base32(device: TOTPDevice) -> str:
    """The secret as people type it into an app: base32 in groups of four."""
    raw = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth URI as a QR code: inline SVG drawn on the server (no outside service)."""
    code = segno.make(device.config_url, error="m")
    svg: str = code.svg_inline(
        scale=5,
        border=2,
        light="#fff",
        title="QR-kode for autentiseringsappen",
        svgclass="qr-code",
    )
    return svg


def totp_enrol_begin(*, user: User) -> TOTPDevice:
    """An unconfirmed device with a fresh secret; the same one until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def totp_enrol_confirm(*, user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with a code it shows; return the new recovery codes, or None.

    On success any earlier app and recovery codes are replaced, in one transaction.
    """
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
        if not device.verify_token(_clean(code)):
            _audit(
                user=user,
                action=Action.CREATE,
                outcome=Outcome.DENIED,
                detail=gettext("andre faktor: feil kode ved registrering av autentiseringsapp"),
            )
            return None
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _new_recovery_codes(user=user)
        _audit(
            user=user,
            action=Action.CREATE,
            detail=gettext(
                "andre faktor: registrerte autentiseringsapp og fikk %(codes)s reservekoder"
            )
            % {"codes": len(codes)},
        )
    return codes


def _new_recovery_codes(*, user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=static, token=c) for c in codes])
    return codes


def _clean(code: str) -> str:
    return "".join(code.split()).lower()


def _devices(user: User) -> Iterable[Device]:
    yield from TOTPDevice.objects.filter(user=user, confirmed=True)
    yield from StaticDevice.objects.filter(user=user, confirmed=True)


def second_factor_check(*, user: User, code: str) -> Device | None:
    """The device that accepts ``code`` (an app code or a recovery code), or None.

    Each device throttles failures itself (django-otp doubles the wait after each wrong
    code), so guessing is slow even before the login lockout. The caller marks the
    session as verified with ``django_otp.login``.
    """
    token = _clean(code)
    with transaction.atomic():
        for device in _devices(user):
            if device.verify_token(token):
                _audit_success(user=user, device=device)
                return device
        _audit(
            user=user,
            action=Action.CHANGE,
            outcome=Outcome.DENIED,
            detail=gettext("andre faktor: feil kode"),
        )
    return None


def _audit_success(*, user: User, device: Device) -> None:
    if isinstance(device, StaticDevice):
        left = device.token_set.count()
        detail = gettext("andre faktor: brukte en reservekode (%(left)s igjen)") % {"left": left}
    else:
        detail = gettext("andre faktor: riktig kode fra autentiseringsappen")
    _audit(user=user, action=Action.CHANGE, detail=detail)


def identity_provider_device(user: User) -> IdentityProviderDevice:
    """The device a staff login through the organisation's identity provider (which did
    the second factor) marks the session verified with, via ``django_otp.login``."""
    device: IdentityProviderDevice
    device, _created = IdentityProviderDevice.objects.get_or_create(
        user=user, defaults={"name": IDENTITY_PROVIDER_DEVICE_NAME, "confirmed": True}
    )
    return device


def recovery_codes_left(user: User) -> int:
    count: int = StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
    return count


def demo_devices_create(*, users: Iterable[User]) -> None:
    """Give the demo's staff logins a confirmed app with the documented demo secret."""
    TOTPDevice.objects.bulk_create(
        [
            TOTPDevice(user=u, name=APP_DEVICE_NAME, key=DEMO_TOTP_KEY, confirmed=True)
            for u in users
            if u.needs_second_factor
        ]
    )
