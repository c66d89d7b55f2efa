"""Limits on what people upload: scans and portfolio files (10 MB at most, PDF, JPEG or PNG only), and the
work an Office file (.xlsx, .docx: a ZIP of XML parts) may cause before anything reads it (`check_archive`)."""

import zipfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# The first bytes of each allowed type: the extension alone proves nothing.
SIGNATURES = {
    ".pdf": [b"%PDF-"],
    ".jpg": [b"\xff\xd8\xff"],
    ".jpeg": [b"\xff\xd8\xff"],
    ".png": [b"\x89PNG\r\n\x1a\n"],
}


def validate_upload(file):
    if file.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Файл больше 10 МБ (%(size).1f МБ). Уменьшите скан или разбейте его на части.")
            % {"size": file.size / 1024 / 1024}
        )
    name = file.name.lower()
    extension = name[name.rfind("."):] if "." in name else ""
    if extension not in SIGNATURES:
        raise ValidationError(_("Можно загрузить только PDF, JPEG или PNG."))
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES[extension]):
        raise ValidationError(_("Файл не похож на %(type)s: возможно, он повреждён или переименован.") % {"type": extension[1:].upper()})


class ArchiveRefused(ValueError):
    """An Office file refused before it is opened; str() is the Russian sentence."""


def check_archive(file, *, max_bytes, max_unpacked, max_part, what):
    """Refuse an .xlsx or .docx that is too large, or would unpack into more than `max_unpacked` bytes (or one
    part into more than `max_part`) — a «zip bomb» — before any XML in it is parsed.

    The sizes are the ones the archive declares; Python's zipfile never inflates a part beyond its declared
    size, so a lie makes the part come out cut short (and unreadable), not larger. `file` is a path or a
    binary file object (left at its start). `what` names the file in the messages, in the genitive: «плана работы».
    """
    size = file.size if hasattr(file, "size") else (Path(file).stat().st_size if not hasattr(file, "read") else None)
    if size is None:
        file.seek(0, 2)
        size = file.tell()
    if size > max_bytes:
        raise ArchiveRefused(_("Файл больше %(limit)d МБ (%(size).1f МБ): для %(what)s это слишком много — проверьте, тот ли это файл.")
                             % {"limit": max_bytes // 2**20, "size": size / 2**20, "what": what})
    try:
        if hasattr(file, "seek"):
            file.seek(0)
        with zipfile.ZipFile(file) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        return  # not a ZIP at all: nothing in it can be unpacked, and the reader says in its own words it cannot read it
    finally:
        if hasattr(file, "seek"):
            file.seek(0)
    unpacked = sum(part.file_size for part in parts)
    if unpacked > max_unpacked or any(part.file_size > max_part for part in parts) or len(parts) > 2000:
        raise ArchiveRefused(
            _("Файл распаковывается в %(size)d МБ, а для %(what)s хватает %(limit)d МБ. Возможно, он испорчен или собран "
              "нарочно: откройте его в Word или Excel и сохраните заново.")
            % {"size": unpacked // 2**20, "what": what, "limit": max_unpacked // 2**20}
        )


class CheckedFieldFile(FieldFile):
    @property
    def url(self):
        """The view that checks who is asking before it sends the file (the storage's own address serves nothing)."""
        return reverse(self.field.download_view, args=[getattr(self.instance, self.field.download_key)])


class CheckedFileField(models.FileField):
    """An uploaded scan served only through `download_view` (a URL name taking the object's `download_key`):
    forms and pages that link «the current file» link there."""

    attr_class = CheckedFieldFile

    def __init__(self, *args, download_view="", download_key="pk", **kwargs):
        self.download_view, self.download_key = download_view, download_key
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["download_view"] = self.download_view
        if self.download_key != "pk":
            kwargs["download_key"] = self.download_key
        return name, path, args, kwargs
