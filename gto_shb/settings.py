"""Settings from the environment (README, «Настройки») and from the project's `.env`, when there is one.

SQLite is the embedded default; DATABASE_URL points the site at PostgreSQL.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def refuse(message):
    """A setting the site cannot start without: one Russian line on stderr, no traceback. Exit status 1; under
    gunicorn its own «the application could not be loaded», so that gunicorn stops instead of booting the worker
    again and again."""
    print(message, file=sys.stderr, flush=True)
    arbiter = sys.modules.get("gunicorn.arbiter")
    raise SystemExit(arbiter.Arbiter.APP_LOAD_ERROR if arbiter else 1)


def read_env_file(path):
    """The KEY=VALUE lines of `.env` (bin/start writes it) into the environment: blank lines and #-comments are
    skipped, «export » and quotes around the value allowed. A variable already in the environment wins."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        return
    except (OSError, UnicodeDecodeError) as error:
        refuse(f"Файл настроек {path} не читается: {getattr(error, 'strerror', None) or error}.")
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, equals, value = (part.strip() for part in line.removeprefix("export ").partition("="))
        if not equals or not name.isidentifier():
            refuse(f"Файл настроек {path}, строка {number}: нужна строка вида ИМЯ=значение.")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        os.environ.setdefault(name, value)


# GTO_SHB_ENV_FILE names another file (the tests' own; a server's settings kept elsewhere).
ENV_FILE = Path(os.environ.get("GTO_SHB_ENV_FILE") or BASE_DIR / ".env")
read_env_file(ENV_FILE)


def env_int(name, default):
    """A whole number from the environment or .env; one Russian line and a stop for anything else."""
    value = os.environ.get(name, default).strip()
    if not value.isdigit():
        refuse(f"Сайт не запущен: {name} должно быть целым числом, а не «{value[:40]}».")
    return int(value)


def env_bool(name, default):
    value = os.environ.get(name, default).strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    refuse(f"Сайт не запущен: {name} должно быть true или false, а не «{value[:40]}».")


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# A form's fields at most: a contest's places form has one per entry (up to 2000, contests.models.Contest) and a
# score sheet's page a hundred entries by up to 20 criteria. Django's default of 1000 would refuse them.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# Whether «Выпустить грамоты» makes the contest's PDF in a process of its own (manage.py prepare_certificates)
# rather than in the request; off only where no other process can see the database (the tests).
CERTIFICATES_IN_BACKGROUND = env_bool("CERTIFICATES_IN_BACKGROUND", "true")
DEBUG = env_bool("DEBUG", "false")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        refuse(
            f"Сайт не запущен: не задан SECRET_KEY, а без него при DEBUG=false работать нельзя. Задайте его в "
            f"окружении или строкой SECRET_KEY=длинная-случайная-строка в {ENV_FILE}."
        )
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "members",
    "events",
    "textbooks",
    "reports",
    "rounds",
    "meetings",
    "contests",
    "backup",
    "core",
    "audit",
    "region",
    "home",
    "demo",
    "bench",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "reports.middleware.RefusedDocumentMiddleware",
    "gto_shb.errors.MethodNotAllowedPageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

if not DEBUG:
    # Production serves the collected static files itself (runserver does it in development).
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "gto_shb.urls"
WSGI_APPLICATION = "gto_shb.wsgi.application"

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
                "members.context_processors.account",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", "0"),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A write transaction takes the lock when it begins, not halfway: two logins at once wait for each other
    # instead of one failing with «database is locked».
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The only backend: Django's own, behind the login throttle (members.throttle) — the admin's login included.
AUTHENTICATION_BACKENDS = ["members.throttle.ThrottledBackend"]
# Behind a reverse proxy every connection comes from the proxy: the client's address is the one the proxy
# writes into this header (HTTP_X_FORWARDED_FOR, HTTP_X_REAL_IP); CLIENT_IP_PROXIES is how many proxies
# append to X-Forwarded-For (the address the nearest one saw is taken: what clients write before it is not trusted).
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "").strip()
CLIENT_IP_PROXIES = env_int("CLIENT_IP_PROXIES", "1")
# The header is believed only on connections from these addresses (the proxy in front of gunicorn).
CLIENT_IP_TRUSTED_PROXIES = env_list("CLIENT_IP_TRUSTED_PROXIES", "127.0.0.1,::1")
if CLIENT_IP_PROXIES < 1:
    raise ImproperlyConfigured("CLIENT_IP_PROXIES must be 1 or more")
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский")]
# Interface strings are written in Russian; locale/ru holds the plural forms (1 раздел, 2 раздела, 5 разделов).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Irkutsk"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# WhiteNoise serves the collected static files with far-future caching (`manage.py collectstatic` first).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Files every worker may reuse: the published plans' PDFs, by their content (reports.pdf). On disk, so that all
# gunicorn workers share them.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / "cache")),
        "OPTIONS": {"MAX_ENTRIES": 500},
    }
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "gto-shb@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", "false")
# How many days before an event starts `send_reminders` writes to its responsible people.
EVENT_REMINDER_DAYS = env_int("EVENT_REMINDER_DAYS", "7")

# Production (DEBUG off) is served over HTTPS: secure cookies, HSTS, redirect to https.
# Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO.
HTTPS = env_bool("HTTPS", "false" if DEBUG else "true")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (os.environ["SECURE_PROXY_SSL_HEADER"], "https")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Errors with their tracebacks go to stderr (gunicorn collects it), each with the request's method, path and
# user id (gto_shb.logging) and nothing personal; 404s and other refusals are not errors and are not logged.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "gto_shb.logging.RequestContext"}},
    "formatters": {
        "server": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(method)s %(path)s user=%(user_id)s] %(message)s"
        },
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["request_context"],
            "formatter": "server",
        },
        "nowhere": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        # Requests for another site's name (scanners, mostly): answered 400, not worth a traceback each.
        "django.security.DisallowedHost": {"handlers": ["nowhere"], "propagate": False},
    },
}
