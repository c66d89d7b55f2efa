"""Limits on uploaded scans and portfolio files: 10 MB at most, PDF, JPEG or PNG only."""

from django.core.exceptions import ValidationError
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
