"""A plan file the head uploaded, kept between its preview and her «Загрузить» or «Отмена».

The file waits in MEDIA_ROOT/plan-imports/ under a random name that begins with the head's account id: only the
head who uploaded it finds it again (`path_for` answers 404 to anyone else). It is deleted when the import is saved or
cancelled, and files left behind are removed after a day, whenever a new one comes in.
"""

import secrets
import time
from pathlib import Path

from django.conf import settings
from django.http import Http404

FOLDER = "plan-imports"
KEPT_SECONDS = 24 * 3600
SUFFIXES = (".docx", ".txt")


def _folder():
    folder = Path(settings.MEDIA_ROOT) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store(upload, account):
    """Keep the uploaded file for the preview: its token."""
    folder = _folder()
    _remove_old(folder)
    suffix = Path(upload.name).suffix.lower()
    token = f"{account.pk}-{secrets.token_urlsafe(16)}{suffix if suffix in SUFFIXES else '.txt'}"
    with open(folder / token, "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return token


def path_for(account, token):
    """The file of `token` if it is this account's own upload, else 404."""
    if not token.startswith(f"{account.pk}-") or "/" in token or "\\" in token or token.startswith("."):
        raise Http404
    path = _folder() / token
    if not path.is_file():
        raise Http404
    return path


def discard(account, token):
    try:
        path_for(account, token).unlink(missing_ok=True)
    except Http404:
        pass


def _remove_old(folder):
    now = time.time()
    for path in folder.iterdir():
        try:
            if now - path.stat().st_mtime > KEPT_SECONDS:
                path.unlink(missing_ok=True)
        except OSError:
            continue
