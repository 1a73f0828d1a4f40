"""Samspill settings: one module, configured from environment variables.

Secure by default: without ``DJANGO_DEBUG=1`` (development) the process refuses to
start unless ``DJANGO_SECRET_KEY`` and ``DJANGO_ALLOWED_HOSTS`` are set to real values.
Under pytest (which sets ``PYTEST_VERSION`` before settings load) the development
defaults apply, but Django still runs the tests with ``DEBUG = False``.
See docs/production.md for every variable.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured

from samspill.identity.oidc import providers_from_env

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
NODE_MODULES = PROJECT_DIR / "node_modules"

django_stubs_ext.monkeypatch()  # lets typed generics like ModelAdmin[Model] run

_DEV_SECRET_KEY = "samspill-development-only-key-never-use-in-production-0123456789"  # noqa: S105


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    try:
        return int(raw) if raw else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from None


DEBUG = env_bool("DJANGO_DEBUG", False)
TESTING = "PYTEST_VERSION" in os.environ
DEVELOPMENT = DEBUG or TESTING

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEVELOPMENT:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set a long random value in production, "
            "or DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = _DEV_SECRET_KEY
elif not DEVELOPMENT and (
    SECRET_KEY == _DEV_SECRET_KEY
    or len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith("django-insecure")
):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY is too weak: use at least 50 random characters.")

#: The key of the keyed hashes that make tampering show (the audit trail's seals, the
#: agreement version chains; lib/integrity.py). Kept outside the database, never rotated
#: without re-sealing (docs/production.md).
_DEV_INTEGRITY_KEY = "samspill-development-only-integrity-key-0123456789abcdef"
SAMSPILL_INTEGRITY_KEY = os.environ.get("SAMSPILL_INTEGRITY_KEY", "")
if not SAMSPILL_INTEGRITY_KEY:
    if not DEVELOPMENT:
        raise ImproperlyConfigured(
            "SAMSPILL_INTEGRITY_KEY is not set: a long random value, kept outside the database."
        )
    SAMSPILL_INTEGRITY_KEY = _DEV_INTEGRITY_KEY
elif not DEVELOPMENT and len(SAMSPILL_INTEGRITY_KEY) < 32:
    raise ImproperlyConfigured("SAMSPILL_INTEGRITY_KEY is too short: use at least 32 characters.")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    if not DEVELOPMENT:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS is not set (comma-separated host names).")
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "django_otp",
    "samspill.core.otp_apps.TotpConfig",  # django_otp.plugins.otp_totp, named in bokmål
    "samspill.core.otp_apps.StaticConfig",  # django_otp.plugins.otp_static, likewise
    "axes",
    "samspill.core",
    "samspill.accounts",
    "samspill.identity",
    "samspill.notifications",
    "samspill.changefeed",
    "samspill.audit",
    "samspill.employers",
    "samspill.candidates",
    "samspill.processes",
    "samspill.followup",
    "samspill.matching",
    "samspill.insights",
    "samspill.agreements",
    "samspill.retention",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "samspill.core.middleware.NoStoreMiddleware",
    "samspill.core.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "samspill.core.middleware.DatabaseUnavailableMiddleware",
    "samspill.core.middleware.DebugNotFoundMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "samspill.identity.middleware.IdleTimeoutMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "samspill.identity.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "samspill.urls"
WSGI_APPLICATION = "samspill.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samspill.core.context_processors.navigation",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL (postgres://user:pw@host/db).
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {
        "default": dj_database_url.parse(
            DATABASE_URL, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    }
    if TESTING and DATABASES["default"]["ENGINE"].endswith("postgresql"):
        # Tests that flush the database (live server, transactional) TRUNCATE the audit
        # trail, which its trigger refuses outside the retention purge; the trigger's own
        # tests turn the setting off for their transaction (audit/tests/test_integrity.py).
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c samspill.audit_purge=on"
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(PROJECT_DIR / "var" / "samspill.sqlite3")),
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "identity:login"
LOGIN_REDIRECT_URL = "core:start"
LOGOUT_REDIRECT_URL = "identity:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        # Django's MinimumLengthValidator with its message in bokmål
        "NAME": "samspill.accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
# Dates and numbers through the locale: bokmål's formats from samspill/formats/nb/formats.py
# over Django's. No thousands separator on a bare number (a year is «2027», not «2 027»);
# amounts ask for it with |intcomma or number_format(..., force_grouping=True).
FORMAT_MODULE_PATH = ["samspill.formats"]
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", str(PROJECT_DIR / "var" / "static")))
# Front-end packages are installed with npm and served as they are: no bundler, no CDN.
STATICFILES_DIRS = [
    ("vendor/ds-css", NODE_MODULES / "@navikt" / "ds-css" / "dist"),
    ("vendor/source-sans-3", NODE_MODULES / "@fontsource" / "source-sans-3"),
]
WHITENOISE_USE_FINDERS = DEVELOPMENT
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEVELOPMENT
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Security: strict in production, relaxed only where local http needs it.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEVELOPMENT:
    # The proxy in front may do the http → https redirect itself, but only when said so.
    SSL_REDIRECT_BY_PROXY = env_bool("DJANGO_SSL_REDIRECT_BY_PROXY", False)
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not SSL_REDIRECT_BY_PROXY)
    if not SECURE_SSL_REDIRECT and not SSL_REDIRECT_BY_PROXY:
        raise ImproperlyConfigured(
            "DJANGO_SECURE_SSL_REDIRECT is off: set DJANGO_SSL_REDIRECT_BY_PROXY=1 only if the "
            "TLS-terminating proxy redirects http to https itself (docs/production.md)."
        )
    if SSL_REDIRECT_BY_PROXY:
        SILENCED_SYSTEM_CHECKS = ["security.W008"]  # the proxy redirects, as declared
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if not DATABASE_URL:
        raise ImproperlyConfigured(
            "DATABASE_URL is not set: production runs on PostgreSQL (postgres://…)."
        )
    if any(host == "*" or "*" in host or host.startswith(".") for host in ALLOWED_HOSTS):
        raise ImproperlyConfigured(
            "DJANGO_ALLOWED_HOSTS holds a wildcard: list each host name in full."
        )

#: Login through OpenID Connect (identity/oidc.py reads the OIDC_* variables; none: off).
SAMSPILL_OIDC_PROVIDERS = providers_from_env(os.environ, require_https=not DEVELOPMENT)

# Content-Security-Policy (django-csp): only Samspill's own files, nothing inline, no
# frames. Templates hold no inline scripts, event handlers or style attributes; htmx is
# told not to add its indicator <style> (base.html). ``data:`` images are the design
# system's icons and the empty favicon.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        # A login that starts with a form redirecting to the identity provider needs
        # its origin here: browsers check the redirect too. The configured OIDC providers'
        # origins are added; SAMSPILL_CSP_FORM_ACTION for any other.
        "form-action": [
            "'self'",
            *env_list("SAMSPILL_CSP_FORM_ACTION"),
            *dict.fromkeys(p.origin for p in SAMSPILL_OIDC_PROVIDERS),
        ],
        "frame-ancestors": ["'none'"],
    }
}
CSRF_FAILURE_VIEW = "samspill.core.error_pages.csrf_failure"
#: The admin site: on in development; in production only with SAMSPILL_ADMIN_ENABLED=1,
#: at SAMSPILL_ADMIN_PATH. The API's interactive docs and OpenAPI schema likewise.
SAMSPILL_ADMIN_ENABLED = env_bool("SAMSPILL_ADMIN_ENABLED", DEVELOPMENT)
SAMSPILL_ADMIN_PATH = os.environ.get("SAMSPILL_ADMIN_PATH", "admin").strip("/") + "/"
if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*(/[a-z0-9_-]+)*/", SAMSPILL_ADMIN_PATH):
    raise ImproperlyConfigured(
        "SAMSPILL_ADMIN_PATH must be a path of lower-case letters, digits, - and _, "
        f"got {SAMSPILL_ADMIN_PATH!r}"
    )
SAMSPILL_API_DOCS = env_bool("SAMSPILL_API_DOCS", DEVELOPMENT)

# Request bodies: bounded, so no request can make the server hold much in memory. JSON and
# form fields up to 1 MB (an import file is a file, bounded by the import itself); uploads
# over 1 MB are streamed to a temporary file. The API answers 413/400 in Norwegian.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 5

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEVELOPMENT
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "Samspill <ikke-svar@samspill.invalid>"
)
#: The address people reach Samspill on, for links in e-mails (no trailing slash).
SITE_URL = os.environ.get("SAMSPILL_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refused or missing page (4xx) is one log line, not a traceback.
    "filters": {"client_errors": {"()": "samspill.core.log_filters.ClientErrorWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["client_errors"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "django.request": {"filters": ["client_errors"]},
    },
}

if TESTING:
    # Fast hashing for the thousands of test users; never used outside pytest.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Login and sessions (docs/production.md, «Innlogging og økter»).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked username + address
    "django.contrib.auth.backends.ModelBackend",
    "samspill.identity.oidc_login.ProviderBackend",  # OIDC callbacks only (identity/oidc.py)
]
#: Lock a username from one address after this many wrong passwords, for the cool-off time.
AXES_FAILURE_LIMIT = env_int("SAMSPILL_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SAMSPILL_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "samspill.identity.views.lockout_response"
AXES_ENABLE_ADMIN = False  # unlocking is audited: manage.py unlock_login (identity.services)
AXES_VERBOSE = False  # our own audit rows record logins; axes need not log each one too
#: Trust X-Forwarded-For only behind this many proxies of our own (0: the peer address).
SAMSPILL_PROXY_COUNT = env_int("SAMSPILL_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "samspill.accounts.lockout.client_ip"
#: Log out after this many minutes without a request (besides SESSION_COOKIE_AGE in all).
SAMSPILL_IDLE_TIMEOUT_MINUTES = env_int("SAMSPILL_IDLE_TIMEOUT_MINUTES", 30)
#: Warn this many minutes before the idle timeout, with a button to stay logged in.
SAMSPILL_IDLE_WARNING_MINUTES = env_int("SAMSPILL_IDLE_WARNING_MINUTES", 5)
OTP_TOTP_ISSUER = "Samspill"
