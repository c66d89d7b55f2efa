"""A backup is one .zip: data.json (every record, as `dumpdata` writes it), the uploaded files under
media/, and manifest.json (when, which version, how many records of each kind).

`restore` loads it into an empty database (after `migrate`) in one transaction.
"""

import datetime
import itertools
import json
import os
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

FORMAT = 1
# Left out on purpose (README, «Резервная копия»): content types and permissions are rebuilt by `migrate` (the
# records refer to them by natural keys); sessions — a restored site starts with everyone signed out; login
# attempts — the throttle's short-lived state (a restore lifts its delays).
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "members.loginattempt"]


class BackupError(Exception):
    """A backup that cannot be restored; the message is Russian."""


class ExactEncoder(DjangoJSONEncoder):
    """Times to the microsecond: Django's own encoder (and so `dumpdata`) cuts them to milliseconds, and a
    restore would not bring back what was saved."""

    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            text = o.isoformat()
            return text[:-6] + "Z" if text.endswith("+00:00") else text
        return super().default(o)


def _included(model):
    label, app = model._meta.label_lower, model._meta.app_label
    return not model._meta.proxy and model._meta.managed and label not in EXCLUDED and app not in EXCLUDED


def dump():
    """Every record as JSON, in an order `loaddata` can read back (users before what refers to them by name)."""
    models = serializers.sort_dependencies(
        [(None, [m for m in apps.get_models() if _included(m)])], allow_cycles=True
    )
    records = itertools.chain.from_iterable(
        m._base_manager.order_by(m._meta.pk.name).iterator() for m in models
    )
    return serializers.serialize("json", records, cls=ExactEncoder, indent=1, use_natural_foreign_keys=True)


def write_backup(path):
    """Write the backup to `path` (readable by its owner only: it holds everybody's personal data); the manifest."""
    data = dump()
    counts = Counter(record["model"] for record in json.loads(data))
    media = Path(settings.MEDIA_ROOT)
    files = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "records": dict(sorted(counts.items())),
        "files": len(files),
    }
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # also when the file was there before
    with (
        os.fdopen(descriptor, "wb") as out,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive,
    ):
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        archive.writestr("data.json", data)
        for file in files:
            archive.write(file, "media/" + file.relative_to(media).as_posix())
    return manifest


def database_is_empty():
    data_models = [
        m for m in apps.get_models() if m._meta.app_label in ("members", "events", "textbooks", "rounds")
    ]
    return not User.objects.exists() and not any(m.objects.exists() for m in data_models)


def restore_backup(path):
    """Load a backup into an empty database; returns the manifest. BackupError when it cannot."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile):
        raise BackupError(f"«{path}» — не резервная копия (не zip-архив или файл повреждён).") from None
    with archive:
        names = set(archive.namelist())
        if not {"manifest.json", "data.json"} <= names:
            raise BackupError(f"В «{path}» нет manifest.json и data.json: это не резервная копия ГТО ШБ.")
        manifest = json.loads(archive.read("manifest.json"))
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Формат копии {manifest.get('format')} не поддерживается (нужен {FORMAT}).")
        if not database_is_empty():
            raise BackupError("База данных не пуста: восстанавливать можно только в пустую (после migrate).")
        media = Path(settings.MEDIA_ROOT)
        with tempfile.TemporaryDirectory() as folder:
            data = Path(folder) / "data.json"
            data.write_bytes(archive.read("data.json"))
            with transaction.atomic():
                call_command("loaddata", str(data), verbosity=0)
        for name in names:
            if name.startswith("media/") and not name.endswith("/"):
                target = (media / name.removeprefix("media/")).resolve()
                if media.resolve() not in target.parents:
                    raise BackupError(f"Недопустимый путь в архиве: {name}")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    return manifest
