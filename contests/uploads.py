"""A certificate's own background: a PNG or JPEG, 5 MB at most, whose pixels are bounded too (a small file can
unpack into a picture of gigabytes)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

from members.uploads import SIGNATURES, check_type

MAX_BACKGROUND_BYTES = 5 * 1024 * 1024
MAX_BACKGROUND_PIXELS = 40_000_000  # 6000 × 6600: more than A4 at 600 dpi
IMAGE_SIGNATURES = {extension: SIGNATURES[extension] for extension in (".png", ".jpg", ".jpeg")}


def validate_background(file):
    if file.size > MAX_BACKGROUND_BYTES:
        raise ValidationError(
            _("Картинка больше 5 МБ (%(size).1f МБ). Сохраните её поменьше.")
            % {"size": file.size / 1024 / 1024}
        )
    check_type(file, IMAGE_SIGNATURES, _("Фоном может быть только картинка PNG или JPEG."))
    try:
        with Image.open(file) as image:  # reads the header only
            width, height = image.size
    except Image.DecompressionBombError:  # Pillow's own bound, far past ours: refused as too large
        raise ValidationError(
            _("Картинка слишком велика. Хватит 2480 × 3508 точек (A4 при 300 dpi).")
        ) from None
    except Exception:  # noqa: BLE001 — any broken picture is refused the same way
        raise ValidationError(_("Картинку не удалось прочитать: возможно, она повреждена.")) from None
    finally:
        file.seek(0)
    if width * height > MAX_BACKGROUND_PIXELS:
        raise ValidationError(
            _("Картинка слишком велика: %(width)d × %(height)d точек. Хватит 2480 × 3508 (A4 при 300 dpi).")
            % {"width": width, "height": height}
        )
