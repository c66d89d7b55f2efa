"""The project's settings as the test suite runs them (DATABASE_URL still decides the database)."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key")

from gto_shb.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
