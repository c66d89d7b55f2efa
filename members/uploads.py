"""Uploaded scans and portfolio files: 10 MB at most, PDF, JPEG or PNG only, served through the views that check
rights (CheckedFileField). What an uploaded Office file may cost is members.office_files'."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
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
    extension = name[name.rfind(".") :] if "." in name else ""
    if extension not in SIGNATURES:
        raise ValidationError(_("Можно загрузить только PDF, JPEG или PNG."))
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES[extension]):
        raise ValidationError(
            _("Файл не похож на %(type)s: возможно, он повреждён или переименован.")
            % {"type": extension[1:].upper()}
        )


class CheckedFieldFile(FieldFile):
    @property
    def shown_name(self):
        """The file's own name, as the person uploaded it («удостоверение.pdf»), not its place in the storage
        («courses/2024/удостоверение.pdf»): what forms («На данный момент: …») and pages show."""
        return self.name.rsplit("/", 1)[-1] if self.name else ""

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


def file_response(field_file):
    """An uploaded file as a download under its own name (404 when there is none); the caller has checked rights."""
    if not field_file:
        raise Http404
    return FileResponse(
        field_file.open("rb"), as_attachment=True, filename=field_file.name.rsplit("/", 1)[-1]
    )
