"""BackCare settings: one module, everything that differs between machines from the environment.

See .env.example for every variable. Development defaults are safe: DEBUG is off
unless DJANGO_DEBUG says otherwise, and then SQLite in the project folder is used.
"""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from backcare.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "backcare.accounts",
    "exercises",
    "progress",
    # django.contrib.admin, with a site that requires two-factor (backcare/admin_site.py).
    "backcare.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Used by the list of signed-in browsers ("2 hours ago").
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    # Django's widget templates, for FORM_RENDERER below.
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "csp",
    "easy_thumbnails",
    "backcare.mail",
    # The background worker: `manage.py run_huey` (README, "The worker").
    "huey.contrib.djhuey",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before CsrfViewMiddleware, the first to read a request body (BACKCARE_MAX_REQUEST_BYTES).
    "backcare.middleware.RequestBodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Needs request.user: no-store on every page a signed-in user sees, and Permissions-Policy.
    "backcare.middleware.PrivateHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "backcare.middleware.UserTimezoneMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "backcare.accounts.middleware.SessionLifetimeMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "backcare.urls"
WSGI_APPLICATION = "backcare.wsgi.application"

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
            ],
        },
    },
]
# Form fields are drawn by templates/, e.g. the pain scale's templates/progress/fields/.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        # A connection that died with a restarted database is replaced, never used: Django
        # checks it as each request begins, or, with the pool below, the pool as it lends it.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Each transaction takes the write lock when it begins, so a check-then-insert (one
    # session per submission key, one account per address) cannot race another writer.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_POOL", True
):
    # psycopg's pool, one per worker process: each request borrows a connection and gives it
    # back when it ends. One per gunicorn thread means no request waits for another's; one
    # waits only while the database is unreachable, and gets the 503 page after `timeout`
    # seconds instead of hanging. DATABASE_POOL=false: a connection per thread, kept for
    # DATABASE_CONN_MAX_AGE seconds.
    if env_int("DATABASE_CONN_MAX_AGE", 0):
        raise ImproperlyConfigured(
            "DATABASE_CONN_MAX_AGE applies only with DATABASE_POOL=false: the pool keeps "
            "the connections open."
        )
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # Django's pool refuses any other value
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": env_int("DATABASE_POOL_MAX_SIZE", env_int("GUNICORN_THREADS", 4)),
        "timeout": 2,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds short-lived counters: log-in and e-mail rate limits, used MFA codes. REDIS_URL
# shares it between gunicorn workers (production); without it each worker keeps its own.
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "backcare.cache.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis outage must not become an error page: reads miss, writes are dropped
            # (rate limits count nothing meanwhile), and each failure is logged.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": env_int("BACKCARE_LOCAL_CACHE_ENTRIES", 2000)},
        }
    ),
    # The catalog's pages, the same for everyone, kept in each process under the catalog's
    # version (exercises/versions.py): no network, nothing to clear, old versions culled.
    "catalog": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "catalog",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # allauth's, reading the clinician profile with the user (backcare/accounts/backends.py).
    "backcare.accounts.backends.AuthenticationBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Only so that sessions signed in before the backend above existed still find their
    # user; every new log-in records the one above (allauth picks its first subclass).
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/today/"
LOGOUT_REDIRECT_URL = "/"

# Accounts (django-allauth): e-mail log-in, verification by link, enumeration-safe sign-up
# and password reset, rate limits, TOTP with recovery codes, and a list of signed-in browsers.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
# People may use the app before they verify (they are reminded); later e-mails (reminders) go
# only to verified addresses. Sign-up itself always answers "check your inbox".
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
# A reset asked for an address without an account sends nothing: the site is no mail relay.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "BackCare: "
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_REAUTHENTICATION_TIMEOUT = env_int("BACKCARE_REAUTHENTICATION_SECONDS", 300)
ACCOUNT_ADAPTER = "backcare.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "backcare.accounts.forms.SignupForm"}
# Limits, counted in the cache (shared between workers with REDIS_URL). "key" is the
# normalised e-mail address, so a change of letter case is the same account.
ACCOUNT_RATE_LIMITS = {
    # A wrong password: 5 per address in 15 minutes, 15 per client address an hour (spraying).
    "login_failed": "15/h/ip,5/15m/key",
    "login": "30/m/ip",
    "signup": "10/h/ip",
    # Reset e-mails: 3 an hour to one address, 10 an hour from one client.
    "reset_password": "10/h/ip,3/h/key",
    "reset_password_from_key": "20/h/ip",
    "confirm_email": "1/3m/key",
    # Expired, used, altered or someone else's verification links (backcare.accounts.views).
    "verify_email_failed": "20/h/ip",
    "manage_email": "10/h/user",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "BackCare"
MFA_RECOVERY_CODE_COUNT = 10
# Each signed-in browser is recorded at log-in (allauth's signal), not on every request, which
# would be a write per page; so allauth's UserSessionsMiddleware, which only tracks activity,
# is not installed.
USERSESSIONS_TRACK_ACTIVITY = False
# Behind a proxy, the client's address is the one it adds to X-Forwarded-For; trusted only
# when this says how many proxies stand in front (docs/DEPLOY.md). 0: use the socket's address.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("BACKCARE_TRUSTED_PROXY_COUNT", 0)

# Sessions end after BACKCARE_SESSION_IDLE_MINUTES without a request, and in any case
# BACKCARE_SESSION_MAX_HOURS after log-in (backcare.accounts.middleware).
BACKCARE_SESSION_IDLE_MINUTES = env_int("BACKCARE_SESSION_IDLE_MINUTES", 30)
BACKCARE_SESSION_MAX_HOURS = env_int("BACKCARE_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = BACKCARE_SESSION_MAX_HOURS * 3600

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES: dict[str, dict] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Curators' uploads (docs/DEPLOY.md: Media). Local files in MEDIA_ROOT by default, served by
# the app itself only when BACKCARE_SERVE_MEDIA is on (the default with DEBUG); behind the
# proxy in production. AWS_STORAGE_BUCKET_NAME switches to S3-compatible object storage
# (django-storages), so that several app servers share the files.
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
BACKCARE_SERVE_MEDIA = env_bool("BACKCARE_SERVE_MEDIA", DEBUG)
# Where media is served from when it is not this site: allowed by the CSP below.
MEDIA_HOST = ""
# How long a catalog page is kept (exercises/versions.py): until the catalog changes.
BACKCARE_CATALOG_PAGE_SECONDS: int | None = None
if AWS_STORAGE_BUCKET_NAME := env_str("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            # Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the
            # environment, which boto3 reads itself; they never pass through settings.
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "querystring_expire": env_int("AWS_QUERYSTRING_EXPIRE", 3600),
            "file_overwrite": False,
            # Stored objects say what they are, and are shown, never run or sniffed.
            "object_parameters": {"ContentDisposition": "inline", "CacheControl": "max-age=86400"},
        },
    }
    if STORAGES["default"]["OPTIONS"]["querystring_auth"]:
        # Signed media addresses expire: a catalog page naming them is kept half as long.
        BACKCARE_CATALOG_PAGE_SECONDS = STORAGES["default"]["OPTIONS"]["querystring_expire"] // 2
    MEDIA_HOST = (
        env_str("AWS_S3_CUSTOM_DOMAIN")
        or urlsplit(env_str("AWS_S3_ENDPOINT_URL", "https://s3.amazonaws.com")).netloc
    )
# Upload limits, checked by content in exercises.forms.MediaForm.
BACKCARE_MEDIA_IMAGE_MAX_BYTES = env_int("BACKCARE_MEDIA_IMAGE_MAX_BYTES", 10 * 1024 * 1024)
BACKCARE_MEDIA_IMAGE_MAX_PIXELS = env_int("BACKCARE_MEDIA_IMAGE_MAX_PIXELS", 40_000_000)
BACKCARE_MEDIA_VIDEO_MAX_BYTES = env_int("BACKCARE_MEDIA_VIDEO_MAX_BYTES", 50 * 1024 * 1024)
# easy-thumbnails: the widths a picture is offered in (srcset), made once at upload.
BACKCARE_THUMBNAIL_WIDTHS = (360, 720)
THUMBNAIL_QUALITY = 82
THUMBNAIL_PRESERVE_EXTENSIONS = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: SMTP through EMAIL_HOST, or printed to the console. Password-reset and verification
# e-mails carry live tokens, so with DEBUG off a missing EMAIL_HOST stops the start-up instead of
# printing them into the server's log, unless DJANGO_EMAIL_BACKEND=console says that is meant.
EMAIL_HOST = env_str("EMAIL_HOST")
_EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    # One file per e-mail in EMAIL_FILE_PATH: what the worker sent, for a test to read.
    "file": "django.core.mail.backends.filebased.EmailBackend",
}
_email_backend = env_str("DJANGO_EMAIL_BACKEND") or (
    "smtp" if EMAIL_HOST or not DEBUG else "console"
)
if _email_backend not in _EMAIL_BACKENDS:
    raise ImproperlyConfigured(
        f"DJANGO_EMAIL_BACKEND must be smtp, console or file, not {_email_backend!r}."
    )
if _email_backend == "smtp" and not EMAIL_HOST:
    raise ImproperlyConfigured(
        "EMAIL_HOST must be set when DJANGO_DEBUG is off: without it password-reset links would "
        "be printed to the server's log. Set DJANGO_EMAIL_BACKEND=console to print them on purpose."
    )
EMAIL_BACKEND = _EMAIL_BACKENDS[_email_backend]
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
if EMAIL_HOST:
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "BackCare <noreply@backcare.invalid>")
# Absolute links in e-mails and the calendar feed, which are read outside any request.
# Without it, production links name the first allowed host over HTTPS.
BACKCARE_SITE_URL = env_str(
    "BACKCARE_SITE_URL",
    f"https://{ALLOWED_HOSTS[0]}" if ALLOWED_HOSTS and not DEBUG else "http://127.0.0.1:8000",
).rstrip("/")

# The background worker (huey, README "The worker"): every e-mail and the periodic jobs. With
# REDIS_URL every app server shares one queue in Redis; without it the queue is a SQLite file,
# which needs no broker on one machine.
HUEY = {
    "name": "backcare",
    "huey_class": "huey.RedisHuey" if REDIS_URL else "huey.SqliteHuey",
    **(
        {"url": REDIS_URL}
        if REDIS_URL
        else {"filename": env_str("BACKCARE_QUEUE_FILE", str(BASE_DIR / "queue.sqlite3"))}
    ),
    # Tasks run in line, with no worker: the tests only.
    "immediate": env_bool("BACKCARE_TASKS_IMMEDIATE", False),
    "results": False,  # nothing reads a task's return value
    "utc": True,
    "consumer": {"workers": env_int("BACKCARE_WORKER_THREADS", 2), "worker_type": "thread"},
}

# Security. With DEBUG off everything is on; DJANGO_SECURE_SSL_REDIRECT=false
# allows a local production-like run over plain HTTP.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Browser features no page uses are off (backcare.middleware.PrivateHeadersMiddleware); the
# screen wake lock stays ours, for a guided session that keeps the screen on.
BACKCARE_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), serial=(), hid=(), browsing-topics=(), "
    "screen-wake-lock=(self)"
)
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env_bool("DJANGO_BEHIND_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Request limits. No view takes files yet: every request body above BACKCARE_MAX_REQUEST_BYTES
# is refused with 413 before it is read, and file parts are never spooled to disk
# (backcare.middleware.RequestBodyLimitMiddleware); a view that takes files opts in with
# @accepts_uploads(max_bytes=...). The proxy in front caps bodies too (docs/DEPLOY.md).
BACKCARE_MAX_REQUEST_BYTES = env_int("BACKCARE_MAX_REQUEST_BYTES", 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = BACKCARE_MAX_REQUEST_BYTES
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 10
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
    # The worker's own lines (each task run, retries, failures) once each: run_huey adds a
    # handler of its own to the root logger, which would print them a second time.
    "loggers": {
        "huey": {
            "handlers": ["console"],
            "level": env_str("BACKCARE_WORKER_LOG_LEVEL", "INFO"),
            "propagate": False,
        }
    },
}

# A clinician's clearance of a "see a doctor" answer holds this many months, then is asked again.
BACKCARE_CLEARANCE_MONTHS = env_int("BACKCARE_CLEARANCE_MONTHS", 12)

# Progression thresholds (DOMAIN.md defaults); any key of progress.rules.engine.Thresholds.
BACKCARE_PROGRESSION: dict[str, float] = {}

# Content-Security-Policy (django-csp): only our own files; no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *([MEDIA_HOST] if MEDIA_HOST else [])],
        "media-src": ["'self'", *([MEDIA_HOST] if MEDIA_HOST else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
