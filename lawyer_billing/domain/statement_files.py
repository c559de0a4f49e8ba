"""File names for the documents of a relevé, made from user text and safe on every system.

A statement number or a client's name is typed by a user: it may hold ``/``, ``..``, a
colon, control characters, or be a name Windows reserves (``CON``, ``LPT1``). A default file
name built from it goes through ``safe_file_name``, which keeps letters (accents removed),
digits, ``-``, ``_`` and ``.``, and never returns a path, a hidden file or an empty name.
"""

import re
import unicodedata

from lawyer_billing.domain.statement import StatementHeader

MAX_STEM = 80
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))}
)


def safe_file_name(text: str, fallback: str = "document") -> str:
    """``text`` as one file name: ``"Relevé 2024/017"`` -> ``"Releve-2024-017"``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    name = _UNSAFE.sub("-", ascii_text)
    name = re.sub(r"\.{2,}", ".", name)
    name = re.sub(r"-{2,}", "-", name).strip(".-_ ")[:MAX_STEM].rstrip(".-_ ")
    if not name:
        name = fallback
    if name.split(".")[0].upper() in _WINDOWS_RESERVED:
        name = f"_{name}"
    return name


def default_file_name(header: StatementHeader, extension: str, disbursements_only: bool = False) -> str:
    """``releve-2024-017.pdf``, ``etat-des-debours-2024-017.pdf`` or ``releve-2024-017.xlsx``."""
    kind = "etat-des-debours" if disbursements_only else "releve"
    return f"{kind}-{safe_file_name(header.number, 'sans-numero')}.{safe_file_name(extension.lstrip('.'), 'pdf')}"
