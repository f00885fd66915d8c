"""Partnerstwo settings: one module, every deployment difference comes from the environment.

Unset, everything runs on an SQLite database under var/ (development). Production sets
DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; the settings refuse to start without
them, so a missing variable fails at start and not in front of users.
"""

import os
import tomllib
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """Read a boolean; a typo such as DEBUG=ture fails at start instead of meaning False."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_month_day(name: str, default: str) -> tuple[int, int]:
    """A day of the year as MM-DD (e.g. 04-30); a day that exists in no year fails at start."""
    value = os.environ.get(name) or default
    try:
        month, day = (int(part) for part in value.split("-"))
        date(2024, month, day)  # a leap year: 02-29 is allowed
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a day as MM-DD, not {value!r}") from error
    return month, day


DEBUG = env_bool("DEBUG")
# pytest (8.2+) sets PYTEST_VERSION for the whole session: tests get inline tasks and plain static files.
TESTING = env_bool("PARTNERSTWO_TESTING") or bool(os.environ.get("PYTEST_VERSION"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not DEBUG and not TESTING:
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is not true.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is not true.")
if not SECRET_KEY:
    # Development and tests only (guarded above): a fixed, obviously unsafe key.
    SECRET_KEY = "insecure-development-key-do-not-use-in-production-0123456789"  # noqa: S105
if DEBUG and not ALLOWED_HOSTS:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "partnerstwo.lib",
    "partnerstwo.accounts",
    "partnerstwo.city",
    "partnerstwo.organizations",
    "partnerstwo.events",
    "partnerstwo.newsletter",
    "partnerstwo.grants",
    "partnerstwo.small_grants",
    "partnerstwo.team",
    "partnerstwo.consultations",
    "partnerstwo.pages",
    "partnerstwo.news",
    "partnerstwo.feedback",
    "partnerstwo.practices",
    "partnerstwo.orgnews",
    "partnerstwo.partners",
    "partnerstwo.programme",
    "partnerstwo.campaigns",
    "partnerstwo.bulletin",
    "partnerstwo.surveys",
    "partnerstwo.panel",
    "partnerstwo.demo",
    # The admin, signing in through the site's own login (partnerstwo/accounts/admin_site.py).
    "partnerstwo.accounts.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django_htmx",
    "django_tasks",
    "partnerstwo.lib.apps.TasksDatabaseConfig",  # django_tasks_db, named in both languages
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After allauth's: staff sessions expire when idle, and staff pass two-factor login before the panel/admin.
    "partnerstwo.accounts.middleware.StaffSessionMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "partnerstwo.urls"
WSGI_APPLICATION = "partnerstwo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "partnerstwo" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "partnerstwo.lib.context_processors.site",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL in production).
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'partnerstwo.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server, the worker and the scheduler share the file without "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: the site's queries are short, and compiling them cost more than running them (the yearly
    # results export: 1.4 s of JIT for 0.17 s of work, bench/bench_grants.py).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A cache every app server shares, so rate limits hold across processes (database cache).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "partnerstwo_cache",
        # Rate-limit counters live here too: culling a third of the rows at 300 (the default)
        # would forget them under load.
        "OPTIONS": {"MAX_ENTRIES": 200_000, "CULL_FREQUENCY": 10},
    },
    # Per-process memory for pieces that are cheap to rebuild and keyed on the data's version (the
    # calendar feed's serialised events); nothing in it needs sharing between app servers.
    "local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "partnerstwo-local",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
    # Per-process memory for the public pages' fragments (lib/fragments.py, decision 0014): keyed on their
    # content, so never stale; a fragment is 2–40 KiB, so a thousand cap a worker's share at a few tens of MB.
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "partnerstwo-fragments",
        "OPTIONS": {"MAX_ENTRIES": 1_000},
    },
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    # The test cast signs in hundreds of times; the production hasher costs most of a second each.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "pages:home"

# django-allauth: e-mail is the login; a new address must be confirmed before it counts.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_MAX_EMAIL_ADDRESSES = 2
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_ADAPTER = "partnerstwo.accounts.adapter.AccountAdapter"
# Failed logins are limited per IP and per account; the counters live in the shared cache.
ACCOUNT_RATE_LIMITS = {
    "login_failed": os.environ.get("RATE_LIMIT_LOGIN_FAILED", "10/m/ip,5/5m/key"),
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
}
# Behind the reverse proxy, which overwrites X-Forwarded-For with the client's address
# (docs/operations.md), allauth counts that address, as lib.ratelimit does, not the proxy's.
# Without the header (runserver, tests) it uses REMOTE_ADDR.
ALLAUTH_TRUSTED_PROXY_COUNT = 1
# Two-factor login: codes from an app (TOTP) with recovery codes, and security keys or passkeys
# (WebAuthn). Officials and administrators must have one before the panel or the admin opens
# (partnerstwo/accounts/two_factor.py); everyone else may turn it on.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Partnerstwo"
# WebAuthn over plain http only on a developer's machine (make demo); production is https.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# Staff sessions (officials, administrators) end after this many idle minutes; others keep Django's two weeks.
STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", "30"))
# Where the Django admin lives: an unguessable prefix keeps scanners off its pages.
ADMIN_URL_PREFIX = os.environ.get("ADMIN_URL_PREFIX", "admin/").strip("/") + "/"

# Internationalisation: Polish first, English under /en/.
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_third_party"]  # ours first, then our words for the libraries
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [
    BASE_DIR / "partnerstwo" / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploads that only permission-checked views serve (offers to competitions): never under MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail: EMAIL_URL (smtp://user:pass@host:port, smtp+tls://…) or the separate variables.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = 20
if os.environ.get("EMAIL_URL"):
    from partnerstwo.lib.email_url import parse_email_url

    globals().update(parse_email_url(os.environ["EMAIL_URL"]))
ADMINS = [("Administrator", a) for a in env_list("ADMINS")]
# The absolute address of the site, for links in e-mails sent outside a request (workers).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background tasks on the durable database queue (manage.py db_worker). Tests run them inline.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TESTING
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}
# Transactional e-mail (partnerstwo/lib/emails.py, email_task): attempts when the mail server fails,
# the first waiting `EMAIL_RETRY_BASE_SECONDS` and each next one twice as long (10 attempts from 60 s:
# the last about eight and a half hours after the first, enough to outlast a night's outage).
EMAIL_MAX_ATTEMPTS = int(os.environ.get("EMAIL_MAX_ATTEMPTS", "10"))
EMAIL_RETRY_BASE_SECONDS = float(os.environ.get("EMAIL_RETRY_BASE_SECONDS", "60"))

# The city: facts that are configuration, not data rows (one TOML file per deployment).
CITY_CONFIG_FILE = Path(os.environ.get("CITY_CONFIG", BASE_DIR / "config" / "cities" / "bialystok.toml"))
with CITY_CONFIG_FILE.open("rb") as city_file:
    CITY = tomllib.load(city_file)
# Set DEFAULT_FROM_EMAIL in production to an address the city's mail server may send from.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"{CITY['site_name']} <no-reply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# The national court register's open API (directory imports); a polite delay between calls.
KRS_API_URL = os.environ.get(
    "KRS_API_URL", "https://api-krs.ms.gov.pl/api/krs/OdpisAktualny/{krs}?rejestr=S&format=json"
)
KRS_API_TIMEOUT = float(os.environ.get("KRS_API_TIMEOUT", "10"))
KRS_API_DELAY = float(os.environ.get("KRS_API_DELAY", "1.5"))

# The directory's map tiles (empty: markers on a blank map) and the whole-directory export limit.
MAP_TILES_URL = os.environ.get("MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
DIRECTORY_EXPORT_RATE_LIMIT = os.environ.get("DIRECTORY_EXPORT_RATE_LIMIT", "60/h")

# The public forms' captcha (partnerstwo/lib/captcha.py) and the feedback form's limit.
ALTCHA_HMAC_KEY = os.environ.get("ALTCHA_HMAC_KEY", SECRET_KEY)
ALTCHA_COST = int(os.environ.get("ALTCHA_COST", "5000"))
FEEDBACK_RATE_LIMIT = os.environ.get("FEEDBACK_RATE_LIMIT", "5/h")
# Registrations for events from one IP address (partnerstwo/events/registration_views.py).
EVENT_REGISTRATION_RATE_LIMIT = os.environ.get("EVENT_REGISTRATION_RATE_LIMIT", "20/h")
# Event registrations (partnerstwo/events): how long a place waits for its address to be confirmed by
# the link in the e-mail (their retention is below, with the other periods).
EVENT_REGISTRATION_HOLD_MINUTES = int(os.environ.get("EVENT_REGISTRATION_HOLD_MINUTES", "60"))
FEEDBACK_CONFIRMATION_DAYS = 7

# The officials' desk (partnerstwo/panel/desk.py): the hour (Europe/Warsaw) from which the daily digest of what
# waits goes to the officials who chose it.
DESK_DIGEST_HOUR = int(os.environ.get("DESK_DIGEST_HOUR", "7"))

# Electronic distribution (partnerstwo/newsletter): sign-up limit per IP, the weekly digest's
# moment (Europe/Warsaw; 0 = Monday) and how far back each alert run looks again for late commits.
NEWSLETTER_SIGNUP_RATE = os.environ.get("NEWSLETTER_SIGNUP_RATE", "10/h")
NEWSLETTER_DIGEST_WEEKDAY = int(os.environ.get("NEWSLETTER_DIGEST_WEEKDAY", "0"))
NEWSLETTER_DIGEST_HOUR = int(os.environ.get("NEWSLETTER_DIGEST_HOUR", "7"))
NEWSLETTER_REMINDER_HOUR = int(os.environ.get("NEWSLETTER_REMINDER_HOUR", "8"))
NEWSLETTER_ALERT_OVERLAP_SECONDS = int(os.environ.get("NEWSLETTER_ALERT_OVERLAP_SECONDS", "600"))
# Days an unsubscribed address is kept before it is deleted (the consent records stay, as proof).
NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS = int(os.environ.get("NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS", "30"))
# News published longer ago than this is not alerted (an edit of an old item mails nobody).
NEWSLETTER_NEWS_ALERT_MAX_AGE_DAYS = int(os.environ.get("NEWSLETTER_NEWS_ALERT_MAX_AGE_DAYS", "7"))
# Mailings (partnerstwo/newsletter/worker.py): messages per claimed batch; messages per second for
# all workers together (0: as fast as the mail server takes them); worker tasks per mailing; attempts
# and the first back-off after a temporary SMTP error; how long a claim lasts without news from its
# worker (longer than EMAIL_TIMEOUT, or a slow but live worker would lose its rows).
# A mailing to every organisation, or to more addresses than this, asks the sender to confirm the count first.
MAILING_CONFIRM_ABOVE = int(os.environ.get("MAILING_CONFIRM_ABOVE", "200"))
MAILING_BATCH_SIZE = int(os.environ.get("MAILING_BATCH_SIZE", "100"))
MAILING_RATE_PER_SECOND = float(os.environ.get("MAILING_RATE_PER_SECOND", "0"))
MAILING_PARALLEL_TASKS = int(os.environ.get("MAILING_PARALLEL_TASKS", "2"))
MAILING_MAX_ATTEMPTS = int(os.environ.get("MAILING_MAX_ATTEMPTS", "5"))
MAILING_RETRY_BASE_SECONDS = float(os.environ.get("MAILING_RETRY_BASE_SECONDS", "60"))
MAILING_LEASE_SECONDS = float(os.environ.get("MAILING_LEASE_SECONDS", "120"))

# Grant competitions (partnerstwo/grants). These rules are unverified (docs/law.md#unverified-settings): settings
# with its stated defaults, to be confirmed with the city's legal office.
# Whether an offer deadline falling on a Saturday or public holiday moves to the next working day
# (Kodeks cywilny art. 115); on by default, which only ever asks for a later deadline.
GRANTS_DEADLINES_SKIP_HOLIDAYS = env_bool("GRANTS_DEADLINES_SKIP_HOLIDAYS", True)
# Art. 19a ust. 1a: at most this much per organisation per year in small grants.
SMALL_GRANTS_YEARLY_CAP_PER_ORGANIZATION = int(os.environ.get("SMALL_GRANTS_YEARLY_CAP_PER_ORGANIZATION", "20000"))
# All small grants of a year as a share of the grants planned for organisations that year.
SMALL_GRANTS_MAX_SHARE = float(os.environ.get("SMALL_GRANTS_MAX_SHARE", "0.20"))
# Reports on grant agreements (art. 18): how many days before the due day the organisation is reminded (the
# city's practice, not the law's; it is reminded again on the day).
GRANTS_REPORT_REMINDER_DAYS = int(os.environ.get("GRANTS_REPORT_REMINDER_DAYS", "7"))
SMALL_GRANT_COMMENT_RATE = os.environ.get("SMALL_GRANT_COMMENT_RATE", "5/h")
# Answers to partner posts per IP address (anonymous senders) or per account (signed-in ones).
PARTNERS_ANSWER_RATE_LIMIT = os.environ.get("PARTNERS_ANSWER_RATE_LIMIT", "5/h")

# The campaigns (partnerstwo/campaigns). The 1.5% campaign's season, first and last day (MM-DD, both included):
# the home page shows the campaign in these days of every year, while taxpayers file their PIT returns. The Centre
# may set another season for a year in the admin (campaigns.OppSeason), which then replaces this one.
OPP_CAMPAIGN_FROM = env_month_day("OPP_CAMPAIGN_FROM", "01-01")
OPP_CAMPAIGN_UNTIL = env_month_day("OPP_CAMPAIGN_UNTIL", "04-30")
# The annual-report campaign: the day (MM-DD) by which a public-benefit organisation files its annual report and
# financial statement for the previous year. Not stated in the law as we hold it: domain.md cites 15/16 July in
# the years it quotes (later for a financial year that is not the calendar year); confirm and set it here.
ANNUAL_REPORT_DEADLINE = env_month_day("ANNUAL_REPORT_DEADLINE", "07-15")
# The cooperation programme (partnerstwo/programme/duties.py). The Act gives no date for the draft's consultation
# (art. 5a ust. 1 only puts it before the adoption, due 30 November): the city's own day, (month, day) of the year
# before the programme's, "MM-DD" in the environment.
PROGRAMME_CONSULTATION_BY = tuple(int(part) for part in os.environ.get("PROGRAMME_CONSULTATION_BY", "10-31").split("-"))
# How many days before a duty's day the department's officials are reminded (once) and the desk shows it.
PROGRAMME_REMINDER_DAYS = int(os.environ.get("PROGRAMME_REMINDER_DAYS", "21"))

# Consultations of draft acts (partnerstwo/consultations; docs/law.md#consultation-minimum-period): the shortest
# period per kind of draft, in days, "kind=days" comma-separated; shorter only with a reason shown in public.
# Białystok's practice is 7–14 days (LX/800/10 names no number we could verify): confirm with the legal office.
CONSULTATION_MIN_DAYS = {
    kind.strip(): int(days)
    for kind, days in (
        item.split("=") for item in env_list(
            "CONSULTATION_MIN_DAYS", "resolution=14,order=7,programme=14,strategy=14,other=7"
        )
    )
}
# Years after the report's publication when the names of people who commented are removed from the comments
# (the report keeps what they wrote; persons are not named in public anyway).
CONSULTATION_AUTHOR_RETENTION_YEARS = int(os.environ.get("CONSULTATION_AUTHOR_RETENTION_YEARS", "5"))
# Online offers: characters allowed in each text field of the form unless the call sets its own limit
# (Competition.field_limits). Not statutory: these are the limits a common offer generator uses (domain.md §2.2).
GRANTS_OFFER_FIELD_LIMITS = {
    "title": 200, "description": 3000, "results_description": 1500, "experience": 1500, "resources": 1500,
    "partners_roles": 2000, "other_info": 2000, "action_description": 2000, "monitoring": 500,
}
# Who is told about a confirmed feedback message; empty: officials/administrators with admin access.
FEEDBACK_NOTIFY_EMAILS = env_list("FEEDBACK_NOTIFY_EMAILS")

# Retention of personal data (RODO art. 5 ust. 1 lit. e), applied by `manage.py apply_retention` and
# printed from here in the privacy policy, so the page and the practice cannot drift apart.
# Registrations for events are anonymised this many days after the event (partnerstwo/events).
EVENTS_REGISTRATION_RETENTION_DAYS = int(os.environ.get("EVENTS_REGISTRATION_RETENTION_DAYS", "180"))
# Confirmed feedback messages are deleted this many days after confirmation: a year covers handling,
# the answer and any follow-up about the same page.
FEEDBACK_RETENTION_DAYS = int(os.environ.get("FEEDBACK_RETENTION_DAYS", "365"))
# A withdrawn newsletter consent record (the proof of consent and withdrawal) is deleted this many years
# after the withdrawal: the general limitation period for claims (Kodeks cywilny art. 118).
NEWSLETTER_CONSENT_RETENTION_YEARS = int(os.environ.get("NEWSLETTER_CONSENT_RETENTION_YEARS", "6"))
# IP addresses (and browser strings) kept with consents are dropped after this many days. They help only
# to investigate a sign-up of someone else's address, which comes to light with the first messages; after
# that the confirmation from the address itself is the proof, and 90 days cover a complaint's handling.
# Answers to partner posts (and the poster's reply) are deleted this many days after they were sent; the
# reply link in the poster's e-mail works as long. Half a year covers a project's preparation.
PARTNERS_ANSWER_RETENTION_DAYS = int(os.environ.get("PARTNERS_ANSWER_RETENTION_DAYS", "180"))
PERSONAL_DATA_IP_RETENTION_DAYS = int(os.environ.get("PERSONAL_DATA_IP_RETENTION_DAYS", "90"))

# The city bulletin comes out this many times a year (4: quarterly, numbered 1/2026 … 4/2026); the panel proposes
# the next issue's number and period from it. A divisor of 12, so that every issue covers whole months.
BULLETIN_ISSUES_PER_YEAR = int(os.environ.get("BULLETIN_ISSUES_PER_YEAR", "4"))
if BULLETIN_ISSUES_PER_YEAR not in (1, 2, 3, 4, 6, 12):
    raise ImproperlyConfigured("BULLETIN_ISSUES_PER_YEAR must divide 12 (1, 2, 3, 4, 6 or 12).")
# A bulletin issue is e-mailed when it is published; one published more than this many days ago (an old issue
# on a new installation, or the demo's) is not.
BULLETIN_SEND_MAX_AGE_DAYS = int(os.environ.get("BULLETIN_SEND_MAX_AGE_DAYS", "7"))

# Security: sensible everywhere, strict in production.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts, styles and workers only from the site's own static
# files, no inline script or style anywhere; images also from the map's tile server and data: (the
# TOTP set-up QR code). The captcha's client is the site's own static script using WebCrypto,
# so neither blob: workers nor 'wasm-unsafe-eval' are needed (docs/decisions/0007-…).
_tiles = urlsplit(MAP_TILES_URL)
MAP_TILES_ORIGIN = f"{_tiles.scheme}://{_tiles.netloc.replace('{s}', '*')}" if _tiles.netloc else ""
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *([MAP_TILES_ORIGIN] if MAP_TILES_ORIGIN else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "worker-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Permissions-Policy (django-permissions-policy): the site uses none of the browser's devices or
# sensors; WebAuthn (security keys, passkeys) and the copy buttons' clipboard only on the site itself.
PERMISSIONS_POLICY = {
    **{
        feature: []
        for feature in [
            "accelerometer", "ambient-light-sensor", "autoplay", "bluetooth", "browsing-topics", "camera",
            "display-capture", "encrypted-media", "geolocation", "gyroscope", "hid", "idle-detection",
            "magnetometer", "microphone", "midi", "payment", "screen-wake-lock", "serial", "usb",
            "xr-spatial-tracking",
        ]
    },
    "clipboard-write": ["self"],
    "fullscreen": ["self"],
    "publickey-credentials-create": ["self"],
    "publickey-credentials-get": ["self"],
}
if not DEBUG and not TESTING:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

MESSAGE_TAGS_LABELS = {"error": _("Błąd"), "success": _("Gotowe")}
if TESTING:
    # Each test client builds the middleware again; without this WhiteNoise rescans every static file.
    WHITENOISE_AUTOREFRESH = True
FORM_RENDERER = "partnerstwo.lib.forms.FormRenderer"
# Addresses typed without a scheme are https (as in Django 6).
FORMS_URLFIELD_ASSUME_HTTPS = True

# Idempotent management commands run every minute by `manage.py scheduler` (demo) or cron.
SCHEDULED_JOBS = [
    "expire_feedback",
    "send_event_reminders",
    "release_registration_holds",
    "send_alerts",
    "send_weekly_digest",
    "start_scheduled_mailings",
    "expire_newsletter_signups",
    "sync_organization_recipients",
    "expire_small_grant_comments",
    "remind_small_grant_deadlines",
    "advance_competitions",
    "remind_grant_reports",
    "send_desk_digests",
    "refresh_committee_protocols",
    "close_team_votes",
    "remind_team_opinion_deadlines",
    "notify_closed_consultations",
    "remind_programme_duties",
    "remind_surveys",
    "recover_deliveries",
    "purge_unsubscribed",
    "purge_rate_limits",
    "apply_retention",
]
