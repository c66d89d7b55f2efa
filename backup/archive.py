"""A backup is one .zip: data.json (every record, as `dumpdata` writes it), the uploaded files under
media/, and manifest.json (when, which version, how many records of each kind).

`restore` loads it into an empty database (after `migrate`) in one transaction.
"""

import io
import json
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

FORMAT = 1
# Rebuilt by `migrate` or short-lived: not part of the association's data.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry", "members.loginfailure"]


class BackupError(Exception):
    """A backup that cannot be restored; the message is Russian."""


def dump():
    """Every record as JSON (natural keys for users and permissions)."""
    out = io.StringIO()
    call_command("dumpdata", *[f"--exclude={label}" for label in EXCLUDED], "--natural-foreign", "--indent=1", stdout=out)
    return out.getvalue()


def write_backup(path):
    """Write the backup to `path`; returns the manifest."""
    data = dump()
    counts = Counter(record["model"] for record in json.loads(data))
    media = Path(settings.MEDIA_ROOT)
    files = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []
    manifest = {"format": FORMAT, "created": timezone.now().isoformat(), "records": dict(sorted(counts.items())),
                "files": len(files)}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        archive.writestr("data.json", data)
        for file in files:
            archive.write(file, "media/" + file.relative_to(media).as_posix())
    return manifest


def database_is_empty():
    data_models = [m for m in apps.get_models() if m._meta.app_label in ("members", "events", "textbooks", "rounds")]
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
