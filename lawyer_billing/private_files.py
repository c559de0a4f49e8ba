"""Files only their owner may read: the database, its backups and copies, and the log.

They hold client names and amounts, covered by professional secrecy (art. 13 of the entente),
so they are created with mode 0600 from the start rather than restricted afterwards.
"""

import os
from pathlib import Path


def create_private_file(path: Path, *, exist_ok: bool = False) -> None:
    """Create ``path`` empty, owner-only; an existing file is an error unless ``exist_ok``
    (and is then left as it is, never truncated)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_CREAT | os.O_WRONLY | (0 if exist_ok else os.O_EXCL)
    os.close(os.open(path, flags, 0o600))
