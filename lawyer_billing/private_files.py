"""Files only their owner may read: the database, its backups and copies, the log, and the
documents printed from them.

They hold client names and amounts, covered by professional secrecy (art. 13 of the entente),
so they are created with mode 0600 from the start rather than restricted afterwards.
"""

import errno
import os
import secrets
from collections.abc import Sequence
from pathlib import Path


def create_private_file(path: Path, *, exist_ok: bool = False) -> None:
    """Create ``path`` empty, owner-only; an existing file is an error unless ``exist_ok``
    (and is then left as it is, never truncated)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_CREAT | os.O_WRONLY | (0 if exist_ok else os.O_EXCL)
    os.close(os.open(path, flags, 0o600))


def write_private_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write each ``(path, content)`` owner-only, all of them or none.

    Each content is first written whole beside its path under a hidden temporary name, and
    all are renamed over their paths only once every one is complete: a program never reads
    half a file, a file already at a path is replaced whole (owner-only from then on), and
    when one cannot be written (a folder, a missing or read-only folder, a full disk) none is.
    The ``OSError`` raised then names in its ``filename`` the path that could not be written.
    """
    written: list[tuple[Path, Path]] = []
    path = None
    try:
        for path, content in files:
            if path.is_dir():
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
            partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partiel")
            create_private_file(partial)
            written.append((partial, path))
            with partial.open("wb") as stream:
                stream.write(content)
                stream.flush()
                os.fsync(stream.fileno())
        for partial, path in written:
            os.replace(partial, path)
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path)) from error
    finally:
        for partial, _ in written:
            partial.unlink(missing_ok=True)
