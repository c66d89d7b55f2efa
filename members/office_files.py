"""The work an Office file (.xlsx, .docx: a ZIP of XML parts) may cause, checked before a reader opens it.

openpyxl and python-docx read whole parts into memory, and parse every element of a part — also the cells of
a row beyond the columns asked for, every cell style, every shared string, elements they do not know and never
let go — before a caller can stop them. And the sizes a ZIP declares may lie: Python's zipfile inflates up to a
gigabyte in one call before it cuts a part to its declared size. So `check_office_file` inflates every part
itself, a chunk at a time, counting what really comes out, and counts the elements of the whole file — every
part, whatever its name: a reader finds its parts through the file's own relationships, so a sheet may be
called anything — and refuses the file (OfficeFileRefused, a Russian sentence) at the first limit passed,
before any XML in it is parsed.
"""

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

CHUNK = 64 * 1024
MAX_PARTS = 2000
TOO_MANY_ELEMENTS = gettext_lazy(
    "В одной из частей файла больше %(count)d элементов разметки — столько в документе Word или Excel не бывает. Возможно, "
    "он испорчен или собран нарочно: откройте его в Word или Excel и сохраните заново."
)


class OfficeFileRefused(ValueError):
    """An Office file refused before it is opened; str() is the Russian sentence."""


@dataclass
class Count:
    """At most `limit` elements named `tag` (None: of any name) in the whole file — in the parts whose lower-cased
    name matches `parts` (fnmatch; «*»: every part) —; else `message` % {"count": limit}."""

    tag: bytes | None
    limit: int
    message: str = ""
    parts: str = "*"
    but: frozenset = frozenset()  # with tag None: every element but these (the cheap ones, bounded otherwise)

    def refusal(self):
        return OfficeFileRefused(str(self.message or TOO_MANY_ELEMENTS) % {"count": self.limit})


@dataclass
class OfficeLimits:
    what: str  # the file in the messages, in the genitive: «плана работы»
    max_bytes: int
    max_unpacked: int  # all parts together, inflated
    max_part: int  # one part, inflated
    counts: list = field(default_factory=list)  # [Count]
    rows: tuple = ()  # (row tag, cell tag, most cells in one row): a row's cells in any part, counted as they come


def check_office_file(file, limits):
    """OfficeFileRefused when `file` (a path or a binary file object, left at its start) passes a limit.

    A file that is not a ZIP at all is let through: nothing in it can be unpacked, and the reader says in its
    own words that it cannot read it."""
    size = _size(file)
    if size > limits.max_bytes:
        raise OfficeFileRefused(
            _(
                "Файл больше %(limit)d МБ (%(size).1f МБ): для %(what)s это слишком много — проверьте, тот ли это файл."
            )
            % {"limit": limits.max_bytes // 2**20, "size": size / 2**20, "what": limits.what}
        )
    opened = open(file, "rb") if not hasattr(file, "read") else file  # noqa: SIM115 — closed below when opened here
    try:
        opened.seek(0)
        try:
            archive = zipfile.ZipFile(opened)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError):
            return
        with archive:
            _check_parts(archive, opened, limits)
    finally:
        if opened is not file:
            opened.close()
        else:
            file.seek(0)


def _size(file):
    if hasattr(file, "size") and file.size is not None:
        return file.size
    if not hasattr(file, "read"):
        return Path(file).stat().st_size
    file.seek(0, 2)
    return file.tell()


def _check_parts(archive, raw, limits):
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise OfficeFileRefused(
            _("В файле %(count)d частей — это не документ Word или Excel, а что-то собранное нарочно.")
            % {"count": len(parts)}
        )
    total = 0
    counters = [_Counter(count) for count in limits.counts]  # for the whole file
    for part in parts:
        name = part.filename.lower()
        scanners = [counter for counter in counters if fnmatch(name, counter.count.parts)]
        if limits.rows:
            scanners.append(_RowCounter(*limits.rows))
        inflated = 0
        for chunk in _inflate(raw, part):
            inflated += len(chunk)
            total += len(chunk)
            if inflated > limits.max_part or total > limits.max_unpacked:
                raise _too_much(limits, total)
            for scanner in scanners:
                scanner.feed(chunk)
        for scanner in scanners:
            scanner.close()
        if inflated != part.file_size:
            raise OfficeFileRefused(
                _(
                    "Файл повреждён: одна из его частей не совпадает со своим описанием. Откройте его в Word или Excel и сохраните заново."
                )
            )


def _too_much(limits, total):
    return OfficeFileRefused(
        _(
            "Файл распаковывается больше чем в %(limit)d МБ, а для %(what)s столько не бывает. Возможно, он испорчен или собран "
            "нарочно: откройте его в Word или Excel и сохраните заново."
        )
        % {
            "limit": limits.max_unpacked // 2**20
            if total > limits.max_unpacked
            else limits.max_part // 2**20,
            "what": limits.what,
        }
    )


def _inflate(raw, part):
    """The part's bytes as they really come out of its compressed data, a bounded chunk at a time."""
    raw.seek(part.header_offset)
    header = raw.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        raise OfficeFileRefused(_("Файл повреждён: откройте его в Word или Excel и сохраните заново."))
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    raw.seek(part.header_offset + 30 + name_length + extra_length)
    left = part.compress_size
    if part.compress_type == zipfile.ZIP_STORED:
        while left > 0:
            chunk = raw.read(min(CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk
        return
    if part.compress_type != zipfile.ZIP_DEFLATED:
        raise OfficeFileRefused(
            _("Файл сжат не так, как сжимают Word и Excel: откройте его в Word или Excel и сохраните заново.")
        )
    inflater = zlib.decompressobj(-15)
    while left > 0 and not inflater.eof:
        data = raw.read(min(CHUNK, left))
        if not data:
            break
        left -= len(data)
        try:
            while data and not inflater.eof:
                chunk = inflater.decompress(data, CHUNK)
                data = inflater.unconsumed_tail
                yield chunk
        except zlib.error:
            raise OfficeFileRefused(
                _("Файл повреждён: откройте его в Word или Excel и сохраните заново.")
            ) from None


def _tags(*names):
    """The start of an element named one of `names` (any namespace prefix): «<c r="A1">», «<x:c>», «<c/>»;
    with no names, of any element."""
    if not names:
        return re.compile(rb"<[A-Za-z_]")
    return re.compile(
        rb"<(?:[A-Za-z_][\w.-]*:)?(" + b"|".join(re.escape(name) for name in names) + rb")[\s/>]"
    )


class _Scanner:
    """Reads a part's bytes as they are inflated, the elements it looks for found whole across chunks."""

    def __init__(self, pattern):
        self.pattern, self.carry = pattern, b""

    def feed(self, chunk):
        data = self.carry + chunk
        cut = data.rfind(b"<")
        if cut == -1 or len(data) - cut > 256:  # no element can start in what is left
            text, self.carry = data, b""
        else:
            text, self.carry = data[:cut], data[cut:]
        self.found(self.pattern.finditer(text))

    def close(self):
        self.found(self.pattern.finditer(self.carry))
        self.carry = b""


ANY_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


class _Counter(_Scanner):
    def __init__(self, count):
        super().__init__(_tags(count.tag) if count.tag else ANY_ELEMENT if count.but else _tags())
        self.count, self.seen = count, 0

    def found(self, matches):
        if self.count.but:
            self.seen += sum(1 for match in matches if match[1] not in self.count.but)
        else:
            self.seen += sum(1 for _ in matches)
        if self.seen > self.count.limit:
            raise self.count.refusal()


class _RowCounter(_Scanner):
    """The cells of each row, as the elements come: a row of a million cells is refused at its 1001st."""

    def __init__(self, row_tag, cell_tag, most):
        super().__init__(_tags(row_tag, cell_tag))
        self.row_tag, self.most, self.cells = row_tag, most, 0

    def found(self, matches):
        for match in matches:
            if match[1] == self.row_tag:
                self.cells = 0
                continue
            self.cells += 1
            if self.cells > self.most:
                raise OfficeFileRefused(
                    ngettext(
                        "В одной строке больше %(count)d ячейки — столько столбцов в таблице не бывает.",
                        "В одной строке больше %(count)d ячеек — столько столбцов в таблице не бывает.",
                        self.most,
                    )
                    % {"count": self.most}
                )
