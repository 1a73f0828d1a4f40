"""Login, the second factor, staying logged in, and the user's own API tokens."""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.generic import View
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)
from requests import RequestException

from samspill import rules
from samspill.accounts.models import ApiToken
from samspill.identity import oidc, oidc_login, second_factor
from samspill.identity.forms import CodeForm, EnrolForm, LoginForm, TokenForm
from samspill.identity.middleware import LOGGED_OUT_KEY, second_factor_exempt
from samspill.identity.services import api_token_issue, api_token_revoke
from samspill.lib.http import AuthenticatedRequest

logger = logging.getLogger(__name__)


def _login_context(request: HttpRequest) -> dict[str, Any]:
    return {
        "logged_out_reason": request.session.pop(LOGGED_OUT_KEY, ""),
        "idle_minutes": settings.SAMSPILL_IDLE_TIMEOUT_MINUTES,
        "oidc_providers": oidc.configured_providers(),
    }


class LoginView(auth_views.LoginView):
    template_name = "identity/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), **_login_context(self.request)}


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: Any = None
) -> HttpResponse:
    """django-axes' answer when a username is locked from this address: the login page
    with what happened and when to try again (429, so tools see it too)."""
    cool_off = get_cool_off(request) or timedelta(0)
    minutes = max(1, int(cool_off.total_seconds() // 60))
    context = {
        "form": LoginForm(request),
        "locked": True,
        "locked_minutes": minutes,
        "locked_until": timezone.localtime(timezone.now() + cool_off),
        "next": request.POST.get("next", ""),
        **_login_context(request),
    }
    return render(request, "identity/login.html", context, status=429)


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


class OidcStartView(OIDCAuthenticationRequestView):  # type: ignore[misc]
    """«Logg inn med …»: off to the provider, with state, nonce and PKCE in the session."""

    provider: oidc.Provider

    def __init__(self, **kwargs: Any) -> None:
        View.__init__(self, **kwargs)  # the library's __init__ reads one provider's settings

    def get_settings(self, attr: str, *default: Any) -> Any:
        return self.provider.library_setting(attr, *default)

    def get(self, request: HttpRequest, provider: str) -> HttpResponse:
        self.provider = oidc.provider_or_404(provider)
        self.OIDC_OP_AUTH_ENDPOINT = self.provider.authorization_endpoint
        self.OIDC_RP_CLIENT_ID = self.provider.client_id
        request.session[oidc.SESSION_PROVIDER_KEY] = self.provider.key
        response: HttpResponse = super().get(request)
        return response


_REFUSALS = {
    oidc_login.Refusal.UNKNOWN: _(
        "Vi fant ingen bruker i Samspill for denne innloggingen. Kontakt veilederen din "
        "eller systemadministratoren for å få tilgang."
    ),
    oidc_login.Refusal.STAFF_ONLY: _(
        "Brukeren din er en ansattbruker. Logg inn med «Logg inn som ansatt»."
    ),
    oidc_login.Refusal.CITIZEN_ONLY: _(
        "«Logg inn som ansatt» er for ansatte i NAV. Brukeren din logger inn med ID-porten."
    ),
}


class OidcCallbackView(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    """Back from the provider: the library checks state and nonce, ``oidc_login`` maps the
    identity to a user. A staff login whose provider did the second factor is verified."""

    provider: oidc.Provider

    def get_settings(self, attr: str, *default: Any) -> Any:
        return self.provider.library_setting(attr, *default)

    def get(self, request: HttpRequest, provider: str) -> HttpResponse:
        self.provider = oidc.provider_or_404(provider)
        if request.session.get(oidc.SESSION_PROVIDER_KEY) != self.provider.key:
            return self.login_failure()
        try:
            response: HttpResponse = super().get(request)
        except (SuspiciousOperation, RequestException) as error:
            logger.warning("OIDC login via %s failed: %s", self.provider.key, error)
            return self.login_failure()
        return response

    def login_success(self) -> HttpResponse:
        response: HttpResponse = super().login_success()
        result = oidc_login.login_result(self.request)
        if self.provider.is_staff and result is not None and result.second_factor_met:
            otp_login(self.request, second_factor.identity_provider_device(self.user))
        return response

    def login_failure(self) -> HttpResponse:
        result = oidc_login.login_result(self.request)
        refusal = result.refusal if result is not None else oidc_login.Refusal.NONE
        messages.error(
            self.request,
            _REFUSALS.get(
                refusal, _("Innloggingen ble avbrutt eller kunne ikke bekreftes. Prøv igjen.")
            ),
        )
        return redirect("identity:login")


@second_factor_exempt
def second_factor_view(request: AuthenticatedRequest) -> HttpResponse:
    """Step two of the login: the six-digit code from the app (or a recovery code)."""
    user = request.user
    if not user.needs_second_factor or user.is_verified():  # type: ignore[attr-defined]
        return HttpResponseRedirect(_next_url(request))
    device = second_factor.app_device(user)
    if device is None:
        return redirect(f"{reverse('identity:enrol')}?{request.GET.urlencode()}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        found = second_factor.second_factor_check(user=user, code=form.cleaned_data["code"])
        if found is not None:
            otp_login(request, found)
            if isinstance(found, StaticDevice):
                left = second_factor.recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "Du brukte en reservekode. Du har %(n)d igjen.",
                        "Du brukte en reservekode. Du har %(n)d igjen.",
                        left,
                    )
                    % {"n": left},
                )
            return HttpResponseRedirect(_next_url(request))
        form.add_error(
            "code",
            _(
                "Koden stemmer ikke. Sjekk at du bruker Samspill i appen og at klokken på "
                "telefonen går riktig, vent til appen viser en ny kode, og prøv igjen."
            ),
        )
    context = {"form": form, "next": _next_url(request), "demo_code": None}
    context["demo_code"] = second_factor.demo_code(device)
    return render(request, "identity/second_factor.html", context)


@second_factor_exempt
def enrol_view(request: AuthenticatedRequest) -> HttpResponse:
    """First login of a staff user: set up an authenticator app, then get recovery codes."""
    user = request.user
    if not user.needs_second_factor or second_factor.app_device(user) is not None:
        return redirect(f"{reverse('identity:second_factor')}?{request.GET.urlencode()}")
    device = second_factor.totp_enrol_begin(user=user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = second_factor.totp_enrol_confirm(
            user=user, device=device, code=form.cleaned_data["code"]
        )
        if codes is not None:
            otp_login(request, device)
            return render(
                request,
                "identity/recovery_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
        form.add_error(
            "code",
            _("Koden stemmer ikke. Vent til appen viser en ny kode, og prøv igjen."),
        )
    context = {
        "form": form,
        "next": _next_url(request),
        "secret": second_factor.secret_base32(device),
        "qr_svg": second_factor.qr_svg(device),
        "uri": device.config_url,
    }
    return render(request, "identity/enrol.html", context)


@require_POST
def keep_alive(request: AuthenticatedRequest) -> HttpResponse:
    """«Forbli innlogget»: the request itself renews the activity time (the middleware)."""
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    return HttpResponseRedirect(_next_url(request))


def api_tokens(request: AuthenticatedRequest) -> HttpResponse:
    """«API-nøkler»: the user's own tokens; make one (shown once) or revoke one."""
    user = request.user
    form = TokenForm()
    new_secret = ""
    if request.method == "POST" and "revoke" in request.POST:
        token = ApiToken.objects.filter(user=user, uuid=_uuid(request.POST["revoke"])).first()
        if token is None:
            raise Http404
        api_token_revoke(actor=user, token=token)
        messages.success(
            request, _("Nøkkelen %(prefix)s… virker ikke lenger.") % {"prefix": token.prefix}
        )
        return redirect("identity:api_tokens")
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            _token, new_secret = api_token_issue(
                actor=user,
                user=user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
            )
            form = TokenForm()
    tokens = ApiToken.objects.filter(user=user).order_by("-created_at")
    context = {
        "form": form,
        "tokens": tokens,
        "new_secret": new_secret,
        "now": timezone.now(),
        "valid_days": rules.API_TOKEN_VALID_FOR.value.days,
    }
    return render(request, "identity/api_tokens.html", context)


def _uuid(raw: str) -> str:
    try:
        return str(uuid.UUID(raw))
    except ValueError:
        raise Http404 from None
