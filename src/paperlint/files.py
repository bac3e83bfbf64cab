"""Finding, reading and safely writing paper-list files, with one-line errors."""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator

from paperlint.document import DecodeError, Document
from paperlint.record import NamedTuple

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from typing import BinaryIO, TextIO

__all__ = [
    "STDIN",
    "FileError",
    "NotRegularFileError",
    "OutputError",
    "Snapshot",
    "Source",
    "discover",
    "encode",
    "lose_stdout",
    "os_reason",
    "read_document",
    "read_source",
    "stdout_problem",
    "write_document",
    "write_stdout",
]

STDIN = "-"
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_SKIPPED_DIRECTORIES = frozenset(
    {"node_modules", "site", "venv", "__pycache__", "build", "dist", "_build"}
)
_CHUNK = 1 << 20
_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


class FileError(Exception):
    """A file could not be found, read or written; the message is one line."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class NotRegularFileError(FileError):
    """A named pipe, a device, a socket: never read, since reading one can block forever
    or never end."""


class OutputError(Exception):
    """Standard output is closed or cannot be written to; the message is one line."""


class Snapshot(NamedTuple):
    """A file as it was read, to tell whether it changed before it is replaced."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    digest: bytes
    """Of the bytes read: an edit that keeps the size and the time stamp still shows."""

    def matches(self, stream: BinaryIO) -> bool:
        """Whether an open file is the one read and holds the same bytes; its content is
        read only when its inode, size and time stamp are the same."""
        status = os.fstat(stream.fileno())
        now = (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)
        if now != (self.device, self.inode, self.size, self.mtime_ns):
            return False
        stream.seek(0)
        return _digest(stream.read()) == self.digest


class Source(NamedTuple):
    """A document and, for a file (not standard input), what the file was when read."""

    document: Document
    snapshot: Snapshot | None


def _digest(data: bytes) -> bytes:
    import hashlib  # here: only fixing takes a snapshot; linting saves the import (2.7 ms)

    return hashlib.blake2b(data, digest_size=16).digest()


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Files to lint: files as given, folders searched recursively for Markdown files
    (hidden folders and build output skipped), ``-`` for standard input."""
    for given in paths:
        if given == STDIN:
            yield STDIN
            continue
        if os.path.isdir(given or "."):  # as pathlib reads it, "" is "."
            yield from _walk(given)
        else:
            yield given


def _walk(folder: str) -> list[str]:
    """The Markdown files below a folder, their paths written as pathlib writes them (os.path,
    not pathlib: a check does not import it)."""
    found: list[str] = []
    for root, directories, files in os.walk(normalized(folder)):
        directories[:] = sorted(
            d for d in directories if not d.startswith(".") and d not in _SKIPPED_DIRECTORIES
        )
        for name in sorted(files):
            dot = name.rfind(".")  # pathlib's suffix: none for ".md", ".md" for "..md"
            if 0 < dot < len(name) - 1 and name[dot:].lower() in MARKDOWN_SUFFIXES:
                found.append(normalized(f"{root}/{name}"))
    return found


def normalized(path: str) -> str:
    """A POSIX path as pathlib writes it: no empty or ``.`` parts, no final ``/``, ``..``
    kept (``./a//b/`` is ``a/b``)."""
    root = "/" if path.startswith("/") else ""
    if path.startswith("//") and not path.startswith("///"):
        root = "//"  # two leading slashes may mean something else to the system (POSIX)
    return root + "/".join(part for part in path.split("/") if part not in {"", "."}) or "."


def read_document(path: str) -> Document:
    """Read and decode a file (or standard input for ``-``)."""
    data, _ = _read(path)
    return _decode(path, data)


def read_source(path: str) -> Source:
    """Read and decode a file to change it: the document and a snapshot of the file, which
    ``write_document`` checks before replacing it."""
    data, status = _read(path)
    document = _decode(path, data)
    if status is None:
        return Source(document, None)
    snapshot = Snapshot(
        status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, _digest(data)
    )
    return Source(document, snapshot)


def _read(path: str) -> tuple[bytes, os.stat_result | None]:
    if path == STDIN:
        # None when the process started with its standard input closed (``<&-``).
        if sys.stdin is None:
            raise FileError(path, "standard input is closed")
        try:
            return _read_stream(sys.stdin.buffer), None
        except OSError as exc:
            raise FileError(path, f"cannot read standard input: {os_reason(exc)}") from None
    try:
        # Non-blocking, so that opening a named pipe returns at once instead of waiting
        # for a writer; the file type is then checked on what was opened, not on the name.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise _read_error(path, exc) from None
    with os.fdopen(descriptor, "rb") as stream:
        try:
            status = os.fstat(descriptor)
            if stat.S_ISDIR(status.st_mode):
                raise FileError(path, "is a directory, not a file")
            if not stat.S_ISREG(status.st_mode):
                raise NotRegularFileError(path, f"not a regular file ({_kind(status.st_mode)})")
            return stream.read(), status
        except OSError as exc:
            raise _read_error(path, exc) from None


def _read_stream(stream: BinaryIO) -> bytes:
    """All of a stream, but no more than the first chunk holding a NUL byte: that is not
    text (it is reported as binary), and ``paperlint - </dev/zero`` must end."""
    chunks: list[bytes] = []
    while chunk := stream.read(_CHUNK):
        chunks.append(chunk)
        if b"\x00" in chunk:
            break
    return b"".join(chunks)


def _read_error(path: str, exc: OSError) -> FileError:
    if exc.errno == errno.ENOENT:
        return FileError(path, "no such file or directory")
    if exc.errno == errno.EISDIR:
        return FileError(path, "is a directory, not a file")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return FileError(path, "permission denied")
    if exc.errno == errno.ELOOP:
        return FileError(path, "symbolic link loop (too many levels of symbolic links)")
    if exc.errno == errno.ENXIO:  # opening a Unix socket
        return NotRegularFileError(path, "not a regular file (a socket)")
    return FileError(path, os_reason(exc))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def os_reason(exc: OSError) -> str:
    """The system's reason for an error, in lower case as the rest of the messages."""
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:]


def _decode(path: str, data: bytes) -> Document:
    try:
        return Document.from_bytes(data)
    except DecodeError as exc:
        wide = _wide_encoding(data) if b"\x00" in data else None
        if wide is not None:
            raise FileError(path, f"{wide} text; convert it to UTF-8") from None
        raise FileError(path, str(exc)) from None


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),  # before UTF-16's, which it starts with
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_WIDE_CODECS = (
    ("utf-32-le", "UTF-32"),
    ("utf-32-be", "UTF-32"),
    ("utf-16-le", "UTF-16"),
    ("utf-16-be", "UTF-16"),
)


def _wide_encoding(data: bytes) -> str | None:
    """``UTF-16`` or ``UTF-32`` when bytes with NULs read as text in one of them; ``None``
    for binary data. Without a byte order mark, the start of the file must decode to
    characters a text has (no controls, no unassigned or private code points)."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    import unicodedata  # here: only files that fail to decode pay for it

    sample = data[: 1 << 16]
    for codec, name in _WIDE_CODECS:
        try:
            text = codecs.getincrementaldecoder(codec)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        if text and not any(
            unicodedata.category(character) in {"Cc", "Cs", "Co", "Cn"}
            and character not in "\t\n\r\f"
            for character in text
        ):
            return name
    return None


def encode(document: Document) -> bytes:
    """The bytes of a document as read: UTF-8, with its byte order mark if it had one."""
    data = document.text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if document.bom else data


def write_document(path: str, document: Document, snapshot: Snapshot | None = None) -> None:
    """Replace a file's content, keeping what the file is: through a symbolic link the
    target is written and the link kept; mode, owner, group and hard links are kept.

    With a ``snapshot`` (from ``read_source``), a file that changed since it was read is
    not replaced: the fixed text is left beside it and the error names where. A file
    without any write permission bit is read-only, even for root. Normally the new
    content goes to a temporary file in the same folder, renamed over the file, so the
    file is either wholly old or wholly new.
    """
    import tempfile  # here, not at the top: linting alone does not pay for the import

    data = encode(document)
    target = os.path.realpath(path)
    try:
        status = os.stat(target)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFileError(path, f"not a regular file ({_kind(status.st_mode)})")
        if not status.st_mode & _WRITE_BITS:
            raise FileError(path, "read-only (no write permission bits): not changed")
        if not os.access(target, os.W_OK):
            raise PermissionError
        handle, temporary = tempfile.mkstemp(
            dir=os.path.dirname(target), prefix=f".{os.path.basename(target)}.", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
                # Hard links are kept, not refused: a list linked under two names is shared
                # on purpose, every name must see the fix (vim keeps them too), and a
                # refusal would leave such a list unfixable.
                in_place = status.st_nlink > 1 or not _take_owner(stream.fileno(), status)
                os.fchmod(stream.fileno(), stat.S_IMODE(status.st_mode))  # chown cleared set-id
            if in_place:
                _rewrite_in_place(path, target, data, snapshot, temporary)
                os.unlink(temporary)
                return
            if snapshot is not None and not _unchanged(target, snapshot):
                raise _changed(path, target, temporary)
            os.replace(temporary, target)
        except FileError:
            raise  # the temporary file was kept aside, under the name the message gives
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
    except PermissionError:
        raise FileError(path, "permission denied: cannot write the fixed file") from None
    except OSError as exc:
        raise FileError(path, f"cannot write the fixed file: {os_reason(exc)}") from None


def _take_owner(descriptor: int, status: os.stat_result) -> bool:
    """Give the new file the old one's owner and group; ``False`` when that is not allowed
    (only root may give a file away)."""
    created = os.fstat(descriptor)
    if (status.st_uid, status.st_gid) == (created.st_uid, created.st_gid):
        return True
    try:
        os.fchown(descriptor, status.st_uid, status.st_gid)
    except PermissionError:
        return False
    return True


def _unchanged(target: str, snapshot: Snapshot) -> bool:
    try:
        # Non-blocking: whatever now has the name (a named pipe?) must not stall the check.
        descriptor = os.open(target, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:  # deleted or renamed away: a change too
        return False
    with os.fdopen(descriptor, "rb") as stream:
        return snapshot.matches(stream)


def _rewrite_in_place(
    path: str, target: str, data: bytes, snapshot: Snapshot | None, temporary: str
) -> None:
    """Overwrite the file itself. Used for a file with hard links, whose other names would
    keep the old text after a rename (vim does the same), and for a file whose owner the
    new file cannot take. It is not atomic, which is why the fixed text is already safe in
    ``temporary``: if the rewrite fails half-way, that copy is kept and named."""
    with open(target, "r+b") as stream:
        if snapshot is not None and not snapshot.matches(stream):
            raise _changed(path, target, temporary)
        try:
            stream.seek(0)
            stream.write(data)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
        except OSError as exc:
            kept = _keep_aside(temporary, path, target)
            raise FileError(
                path,
                f"cannot rewrite it in place: {os_reason(exc)}; the fixed text is in {kept}",
            ) from None


def _changed(path: str, target: str, temporary: str) -> FileError:
    kept = _keep_aside(temporary, path, target)
    return FileError(
        path, f"changed since paperlint read it: left as it is, the fixed text is in {kept}"
    )


def _keep_aside(temporary: str, path: str, target: str) -> str:
    """Give the temporary file a name beside the target that no file has yet (``X.fixed``,
    ``X.fixed.1``...) and return it; a hard link, then an unlink, since a rename would
    replace a file of that name. The name is returned as the user would write it."""
    for number in range(100):
        name = f"{target}.fixed" + (f".{number}" if number else "")
        try:
            os.link(temporary, name)
        except FileExistsError:
            continue
        except OSError:
            break  # no hard links on this file system: the temporary file keeps its name
        os.unlink(temporary)
        return _as_given(name, path)
    return _as_given(temporary, path)


def _as_given(name: str, path: str) -> str:
    """A file beside ``path``'s target, named from ``path``'s folder as the user gave it
    when that is the same folder (not one a symbolic link leads to)."""
    given = os.path.dirname(path)
    if os.path.realpath(given or ".") != os.path.dirname(name):
        return name
    return os.path.join(given, os.path.basename(name))


def write_stdout(content: bytes | Callable[[TextIO], object], *, instead: str) -> None:
    """Write bytes to standard output, or call ``content`` on it, and flush it. A closed or
    failing standard output is an ``OutputError`` (``instead``, if given, says what to do
    when it is closed)."""
    # None when the process started with its standard output closed (``>&-``).
    if sys.stdout is None:
        raise OutputError(stdout_problem(OSError(errno.EBADF, "closed"), instead))
    try:
        if isinstance(content, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
        else:
            content(sys.stdout)
        sys.stdout.flush()
    except OSError as exc:
        lose_stdout()
        raise OutputError(stdout_problem(exc, instead)) from None


def stdout_problem(exc: OSError, instead: str = "") -> str:
    """The one-line message for a failed write to standard output."""
    if exc.errno == errno.EBADF:
        return "standard output is closed" + (f"; {instead}" if instead else "")
    return f"cannot write to standard output: {os_reason(exc)}"


def lose_stdout() -> None:
    """Point standard output at the null device after a write to it failed, so that
    Python's own flush at exit does not fail again with a message of its own."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)
    except OSError:
        pass
