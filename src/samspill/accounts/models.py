"""Users, roles, offices (NAV-kontor) and teams."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device

from samspill.lib.models import PublicModel


class Role(models.TextChoices):
    ADVISOR = "advisor", _("Veileder / jobbspesialist")
    EMPLOYER_CONTACT = "employer_contact", _("Markedskontakt")
    MANAGER = "manager", _("Leder")
    PARTNER = "partner", _("Samarbeidspartner")
    EMPLOYER = "employer", _("Arbeidsgiver")
    JOBSEEKER = "jobseeker", _("Arbeidssøker")
    ADMIN = "admin", _("Systemadministrator")


#: Roles that work at a NAV office and therefore must belong to one.
OFFICE_ROLES = frozenset({Role.ADVISOR, Role.EMPLOYER_CONTACT, Role.MANAGER})

#: Roles that must confirm every login with a second factor (TOTP): NAV's own staff, who
#: see many people's records, and the administrator. Partners, employers and jobseekers
#: log in from outside NAV; in production they come through OIDC (ID-porten, which has its
#: own second factor), so Samspill does not ask them for one.
SECOND_FACTOR_ROLES = frozenset({Role.ADVISOR, Role.EMPLOYER_CONTACT, Role.MANAGER, Role.ADMIN})


class Office(PublicModel):
    """A NAV office (NAV-kontor)."""

    name = models.CharField(_("navn"), max_length=120, unique=True)
    unit_number = models.CharField(_("enhetsnummer"), max_length=4, unique=True)
    municipality = models.CharField(_("kommune"), max_length=80)
    latitude = models.FloatField(_("breddegrad"))
    longitude = models.FloatField(_("lengdegrad"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("NAV-kontor")
        verbose_name_plural = _("NAV-kontorer")

    def __str__(self) -> str:
        return self.name


class Team(PublicModel):
    """A team of advisors (e.g. an IPS team) belonging to one office."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(_("navn"), max_length=120)

    class Meta:
        ordering = ["office__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="team_unique_name_per_office")
        ]
        verbose_name = _("team")
        verbose_name_plural = _("team")

    def __str__(self) -> str:
        return f"{self.name} ({self.office.name})"


class User(PublicModel, AbstractUser):
    """Everyone who logs in. What they may see follows from ``role`` and the ties below."""

    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, null=True, blank=True, related_name="staff"
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("Kun for arbeidsgiverbrukere: virksomheten brukeren representerer."),
    )
    organisation = models.CharField(
        _("organisasjon"),
        max_length=120,
        blank=True,
        help_text=_("For samarbeidspartnere, f.eks. «Hjelpemiddelsentralen i Oslo»."),
    )
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    #: The identity at an OpenID Connect provider this user logs in as (identity/oidc_login.py):
    #: the provider's issuer and the stable ``sub`` claim. Empty until linked.
    oidc_issuer = models.CharField(_("OIDC-utsteder"), max_length=200, blank=True, default="")
    oidc_subject = models.CharField(_("OIDC-subjekt"), max_length=200, blank=True, default="")

    objects: ClassVar[UserManager[User]] = UserManager()  # type: ignore[assignment]

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name = _("bruker")
        verbose_name_plural = _("brukere")
        constraints = [
            models.CheckConstraint(
                condition=Q(role=Role.EMPLOYER, employer__isnull=False)
                | (~Q(role=Role.EMPLOYER) & Q(employer__isnull=True)),
                name="user_employer_iff_employer_role",
            ),
            models.CheckConstraint(
                condition=~Q(role__in=OFFICE_ROLES) | Q(office__isnull=False),
                name="user_office_roles_have_office",
            ),
            models.UniqueConstraint(
                fields=["oidc_issuer", "oidc_subject"],
                condition=~Q(oidc_subject=""),
                name="user_unique_oidc_identity",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username

    @property
    def needs_second_factor(self) -> bool:
        """Staff and anyone with the admin site must confirm each login with a code."""
        return self.role in SECOND_FACTOR_ROLES or self.is_staff or self.is_superuser


class IdentityProviderDevice(Device):  # type: ignore[misc]
    """The organisation's identity provider as a django-otp device: a staff login through it
    has met the second factor there (identity/oidc_login.py), and the session is marked
    verified with this device the way a TOTP code marks it. It accepts no codes."""

    user: models.ForeignKey[User, User] = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="+"
    )

    class Meta(Device.Meta):  # type: ignore[misc]
        verbose_name = _("innlogging hos identitetsleverandør")
        verbose_name_plural = _("innlogginger hos identitetsleverandør")

    def verify_token(self, token: str) -> bool:
        return False


class TokenScope(models.TextChoices):
    READ = "read", _("Bare lese")
    READ_WRITE = "read_write", _("Lese og endre")


class ApiToken(models.Model):
    """A bearer token for the JSON API. Only a SHA-256 hash of the token is stored.

    A token works until ``expires_at`` unless revoked; a ``read`` token may only read.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("navn"), max_length=80, blank=True)
    scope = models.CharField(
        _("tilgang"), max_length=10, choices=TokenScope.choices, default=TokenScope.READ_WRITE
    )
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(_("kjennetegn"), max_length=8)
    created_at = models.DateTimeField(_("opprettet"), auto_now_add=True)
    expires_at = models.DateTimeField(_("utløper"))
    last_used_at = models.DateTimeField(_("sist brukt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("trukket tilbake"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API-nøkkel")
        verbose_name_plural = _("API-nøkler")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"


class AccessChangeStatus(models.TextChoices):
    PENDING = "pending", _("Venter på godkjenning")
    APPROVED = "approved", _("Godkjent og gjennomført")
    REJECTED = "rejected", _("Avvist")


class AccessChange(PublicModel):
    """A change of a user's role, office, team or employer: the only way these change.

    A change that gives access to personal data needs a second person to approve it (four
    eyes), and nobody requests or approves a change of their own access
    (``identity/grants.py``). Every step is in the audit trail."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="access_changes", verbose_name=_("bruker")
    )
    role = models.CharField(_("ny rolle"), max_length=20, choices=Role.choices)
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("nytt kontor")
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("nytt team")
    )
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("ny arbeidsgiver"),
    )
    reason = models.CharField(_("begrunnelse"), max_length=300)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AccessChangeStatus.choices,
        default=AccessChangeStatus.PENDING,
    )
    requested_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("bedt om av")
    )
    requested_at = models.DateTimeField(_("bedt om"), auto_now_add=True)
    decided_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("avgjort av"),
    )
    decided_at = models.DateTimeField(_("avgjort"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("tilgangsendring")
        verbose_name_plural = _("tilgangsendringer")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()} ({self.get_status_display()})"
