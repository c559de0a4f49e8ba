"""Reading the shipped data files (tariff, rates, penal periods): YAML parsed safely, and any
failure to read or parse turned into the caller's own error naming the file.

Each table validates its own records; this only gets the document out of the file, so that
"file missing", "not YAML" and "impossible date" read the same for every table.
"""

from collections.abc import Set
from pathlib import Path
from typing import Any

import yaml


def read_yaml(path: Path, error: type[Exception], what: str) -> Any:
    """The YAML document in ``path``, or ``error`` with one French sentence naming the file;
    ``what`` says what the file holds (« le fichier de taux », « le fichier des délais »)."""
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.safe_load(stream)
    except OSError:
        raise error(f"{path.name} : {what} est introuvable ou illisible.") from None
    except yaml.YAMLError as problem:
        raise error(f"{path.name} : le fichier n'est pas du YAML valide ({problem}).") from None
    except ValueError as problem:  # PyYAML raises it for a date such as 2024-13-01
        raise error(f"{path.name} : le fichier contient une date impossible ({problem}).") from None


def read_yaml_table(path: Path, error: type[Exception], what: str, body: str, keys: Set[str]) -> Any:
    """The ``body`` of the YAML mapping in ``path`` (``values``, ``periods``), the mapping
    having no key but ``keys`` (``description``, ``reference``...); as ``read_yaml`` otherwise."""
    document = read_yaml(path, error, what)
    if not isinstance(document, dict) or body not in document:
        raise error(f"{path.name} : le fichier doit contenir une clé « {body} ».")
    unknown = set(document) - set(keys)
    if unknown:
        raise error(f"{path.name} : clé inconnue « {sorted(map(str, unknown))[0]} ».")
    return document[body]
