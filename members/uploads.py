"""Uploaded scans and portfolio files: 10 MB at most, PDF, JPEG or PNG only, served through the views that check
rights (CheckedFileField). What an uploaded Office file may cost is members.office_files'."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from members.office_files import OfficeFileRefused, OfficeLimits, check_office_file

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# The first bytes of each allowed type: the extension alone proves nothing.
SIGNATURES = {
    ".pdf": [b"%PDF-"],
    ".jpg": [b"\xff\xd8\xff"],
    ".jpeg": [b"\xff\xd8\xff"],
    ".png": [b"\x89PNG\r\n\x1a\n"],
}


# A meeting's materials (meetings.models.Material): presentations and documents besides scans, 20 MB each.
MAX_MATERIAL_BYTES = 20 * 1024 * 1024
ZIP, OLE = [b"PK\x03\x04"], [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]
MATERIAL_SIGNATURES = {
    **SIGNATURES,
    **dict.fromkeys([".docx", ".pptx", ".xlsx", ".odt", ".odp", ".ods"], ZIP),
    **dict.fromkeys([".doc", ".ppt", ".xls"], OLE),
}


def validate_upload(file):
    if file.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Файл больше 10 МБ (%(size).1f МБ). Уменьшите скан или разбейте его на части.")
            % {"size": file.size / 1024 / 1024}
        )
    check_type(file, SIGNATURES, _("Можно загрузить только PDF, JPEG или PNG."))


def validate_material(file):
    if file.size > MAX_MATERIAL_BYTES:
        raise ValidationError(
            _("Файл больше 20 МБ (%(size).1f МБ). Сожмите презентацию или разбейте её на части.")
            % {"size": file.size / 1024 / 1024}
        )
    extension = check_type(
        file,
        MATERIAL_SIGNATURES,
        _(
            "Можно загрузить PDF, документ Word, презентацию PowerPoint, таблицу Excel, файл OpenDocument, JPEG или PNG."
        ),
    )
    if MATERIAL_SIGNATURES[extension] is ZIP:
        try:
            check_office_file(file, MATERIAL_LIMITS)
        except OfficeFileRefused as refusal:
            raise ValidationError(str(refusal)) from None


# A presentation is mostly pictures, which do not shrink in a ZIP: what it unpacks to stays near its size. More is a
# ZIP bomb, for the colleague who opens it.
MATERIAL_LIMITS = OfficeLimits(
    what=_("материала заседания"),
    max_bytes=MAX_MATERIAL_BYTES,
    max_unpacked=200 * 2**20,
    max_part=100 * 2**20,
)


def check_type(file, signatures, refusal):
    """The extension (returned) is one of `signatures` and the first bytes are what it says."""
    name = file.name.lower()
    extension = name[name.rfind(".") :] if "." in name else ""
    if extension not in signatures:
        raise ValidationError(refusal)
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if not any(head.startswith(signature) for signature in signatures[extension]):
        raise ValidationError(
            _("Файл не похож на %(type)s: возможно, он повреждён или переименован.")
            % {"type": extension[1:].upper()}
        )
    return extension


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
