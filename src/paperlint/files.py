"""Finding, reading and atomically writing paper-list files, with one-line errors."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from paperlint.document import DecodeError, Document

__all__ = ["STDIN", "FileError", "discover", "read_document", "write_document"]

STDIN = "-"
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_SKIPPED_DIRECTORIES = frozenset(
    {"node_modules", "site", "venv", "__pycache__", "build", "dist", "_build"}
)


class FileError(Exception):
    """A file could not be found, read or written; the message is one line."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def discover(paths: Iterable[str]) -> Iterator[str]:
    """Files to lint: files as given, folders searched recursively for Markdown files
    (hidden folders and build output skipped), ``-`` for standard input."""
    for given in paths:
        if given == STDIN:
            yield STDIN
            continue
        path = Path(given)
        if path.is_dir():
            yield from (str(found) for found in _walk(path))
        else:
            yield given


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, directories, files in os.walk(folder):
        directories[:] = sorted(
            d for d in directories if not d.startswith(".") and d not in _SKIPPED_DIRECTORIES
        )
        for name in sorted(files):
            if Path(name).suffix.lower() in MARKDOWN_SUFFIXES:
                found.append(Path(root) / name)
    return found


def read_document(path: str) -> Document:
    """Read and decode a file (or standard input for ``-``)."""
    try:
        data = sys.stdin.buffer.read() if path == STDIN else Path(path).read_bytes()
    except FileNotFoundError:
        raise FileError(path, "no such file or directory") from None
    except IsADirectoryError:
        raise FileError(path, "is a directory, not a file") from None
    except PermissionError:
        raise FileError(path, "permission denied") from None
    except OSError as exc:
        raise FileError(path, exc.strerror or str(exc)) from None
    try:
        return Document.from_bytes(data)
    except DecodeError as exc:
        raise FileError(path, str(exc)) from None


def encode(document: Document) -> bytes:
    """The bytes of a document as read: UTF-8, with its byte order mark if it had one."""
    data = document.text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if document.bom else data


def write_document(path: str, document: Document) -> None:
    """Replace a file's content atomically: a temporary file in the same folder, then a
    rename, keeping the file's permission bits. On failure the file is untouched."""
    import tempfile  # here, not at the top: linting alone does not pay for the import

    target = Path(path)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
        if not os.access(target, os.W_OK):
            raise PermissionError
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(encode(document))
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except PermissionError:
        raise FileError(path, "permission denied: cannot write the fixed file") from None
    except OSError as exc:
        raise FileError(path, f"cannot write the fixed file: {exc.strerror or exc}") from None
