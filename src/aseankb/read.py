"""Stage 1, read: turn a seed's bytes into text, or say why it cannot be done.

Seeds are untrusted: they may be empty, binary, in a legacy encoding or mixed.
Every outcome is a Decoded text (possibly with warnings) or a SeedError.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import SeedError

VISIBLE_ASCII_RE = re.compile(r"[!-~]")

READ_CHUNK = 65_536  # reads after the first (of the size the lstat gave): a file may have grown
MAX_BYTES = 500_000  # a news article is ~2-50 kB; 500 kB is a scraper's accident (and bounds a build)
LARGE_BYTES = 100_000  # accepted, but worth a look: likely several articles or a whole page dump
BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF",
                b"RIFF", b"\x1f\x8b", b"BM")
REPLACEMENT = "\ufffd"
UNDECODABLE_RE = re.compile("[\udc80-\udcff]")  # a name's bytes that are not UTF-8 (os.fsdecode)
# Embeddings, overrides and isolates (U+202A-202E, U+2066-2069): none belongs in French, English
# or Vietnamese news, and "la Chine\u202e renforcent" shows "la Chinetnecrofner" on every page,
# feed and list that holds it (eighteenth audit). The other invisible characters stay: a
# zero-width space or a byte-order mark changes no word's look.
DIRECTION_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # tab, newline, form feed, CR are text


def read_seed(path: Path) -> bytes:
    """The file's bytes, refusing an oversized file before reading it: time and memory stay
    bounded whatever lands in seeds/ (a 2 GB dump costs one stat, not 2 GB of RAM)."""
    if UNDECODABLE_RE.search(path.name):
        raise SeedError("the file name is not valid UTF-8 (shown with \\x escapes): refused, rename the file")
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        # A link could publish any file of the machine (/etc/passwd, a key...): refused.
        raise SeedError("symbolic link: refused, a seed must be a regular file")
    if stat.S_ISDIR(info.st_mode):
        raise SeedError("a folder: refused, seeds are the files directly in the seeds folder, not in its subfolders")
    if not stat.S_ISREG(info.st_mode):
        raise SeedError("not a regular file (a pipe, socket or device): refused")
    size = info.st_size
    if size > MAX_BYTES:
        raise SeedError(f"file too large ({size:,} bytes, limit {MAX_BYTES:,}): refused unread")
    data = _read_at_most(path, MAX_BYTES + 1, size)  # the file may have grown since stat()
    if len(data) > MAX_BYTES:
        raise SeedError(f"file too large (over {MAX_BYTES:,} bytes): refused")
    return data


def _read_at_most(path: Path, limit: int, expected: int = 0) -> bytes:
    """Up to `limit` bytes of a file (`expected`: its size when last seen). os.open, not
    open(): no file object, no fstat or isatty() behind it (~60 us a seed here, 10,000
    seeds at a cold build). O_NOFOLLOW and O_NONBLOCK: a file swapped for a link or a pipe
    since the lstat is refused, or read without waiting for a writer."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
                 | getattr(os, "O_BINARY", 0))
    try:
        chunks, size = [], 0
        # os.read(n) allocates n bytes before it reads: asking for the whole limit (500 kB)
        # cost ~70 us a read, 4 % of an article's extraction. The expected size and one
        # byte, then small reads until the end (a file may have grown).
        want = expected + 1
        while size < limit:
            chunk = os.read(fd, min(limit - size, want))
            want = READ_CHUNK
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


# UTF-32's marks first: UTF-32 LE's begins with UTF-16 LE's.
BOMS = ((codecs.BOM_UTF8, "utf-8-sig", "UTF-8"), (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
        (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"))


def _decode_bom(data: bytes) -> tuple[str, str] | None:
    for bom, codec, shown in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise SeedError(f"invalid {shown} text after its byte-order mark: {exc.reason}") from None
            # A mark does not make bytes text: the binary check, on what they decode to.
            if _looks_binary(text[:4096].encode("utf-8", "surrogatepass")):
                raise SeedError(f"binary file, not text (after a {shown} byte-order mark)")
            return text, shown
    return None


def _looks_binary(data: bytes) -> bool:
    if data.startswith(BINARY_MAGIC) or b"\x00" in data:
        return True
    head = data[:4096]
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))  # counted at C speed
    return controls > len(head) * 0.05


def _decode_legacy(data: bytes) -> tuple[str, list[str]]:
    """Text that is not UTF-8: mixed UTF-8, or a single-byte legacy encoding."""
    replaced = data.decode("utf-8", errors="replace")
    multibyte = sum(1 for c in replaced if ord(c) > 127 and c != REPLACEMENT)
    bad = replaced.count(REPLACEMENT)
    if multibyte > bad:
        # Mostly UTF-8 with a few broken bytes: keep the good text, drop the
        # undecodable bytes, and say so (U+FFFD is never published silently).
        return replaced.replace(REPLACEMENT, ""), [
            f"invalid UTF-8: {bad} undecodable byte sequence(s) removed"]
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15", "mac_roman"]).best()
    encoding = best.encoding if best else "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding, text = "latin_1", data.decode("latin_1")
    return text, [f"not UTF-8: decoded as {encoding}"]


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Bytes -> (text, encoding, warnings). Raises SeedError for what is not text."""
    if not data:
        raise SeedError("empty file")
    if len(data) > MAX_BYTES:
        raise SeedError(f"file too large ({len(data):,} bytes, limit {MAX_BYTES:,})")
    messages: list[str] = []
    if len(data) > LARGE_BYTES:
        messages.append(f"unusually large for one article ({len(data):,} bytes): check that it holds one article")
    bom = _decode_bom(data)
    if bom:
        text, encoding = bom
    elif _looks_binary(data):
        raise SeedError("binary file, not text")
    else:
        try:
            text, encoding = data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError:
            text, legacy = _decode_legacy(data)
            encoding = legacy[0].rsplit(" ", 1)[-1]
            messages += legacy
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if REPLACEMENT in text:
        messages.append("text contains U+FFFD replacement characters, removed")
        text = text.replace(REPLACEMENT, "")
    text, directions = DIRECTION_RE.subn("", text)
    if directions:
        messages.append(f"{directions} direction control character(s) removed: they reorder text on screen")
    # A visible ASCII character stays visible in NFKC (composed, it is a letter or a sign):
    # then the text is not blank, and normalising all of it would say nothing more.
    if not text.strip() or (not VISIBLE_ASCII_RE.search(text) and not unicodedata.normalize("NFKC", text).strip()):
        raise SeedError("no text: the file holds only white space")
    return text, encoding, messages
