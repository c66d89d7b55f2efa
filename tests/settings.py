"""The project's settings as the test suite runs them (DATABASE_URL still decides the database)."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")
os.environ.setdefault("GTO_SHB_ENV_FILE", os.devnull)  # the suite never reads the checkout's .env

from gto_shb.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# The suite talks plain HTTP to the test client and the live server.
SECURE_SSL_REDIRECT = SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Static files as in development: no collectstatic before the tests (the live server serves them).
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

# Each test process its own cache in memory (a published plan's PDF is cached by its content).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The tests' database is seen by this process only: certificates are prepared here, once the issue is committed.
CERTIFICATES_IN_BACKGROUND = False
