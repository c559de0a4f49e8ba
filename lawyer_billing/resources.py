"""Where the shipped files are: ``resources/`` (tariff, rates, styles, translations, icons)
and ``migrations/``.

In a source checkout (and an editable install) they sit at the repository root, beside the
package; an installed wheel carries them inside the package (``force-include`` in
``pyproject.toml``), and the frozen build puts them in the same place. Reading through this
module is what lets all three work.
"""

from importlib.resources import files
from pathlib import Path

_PACKAGE_DIR = Path(str(files("lawyer_billing")))


def _shipped(name: str) -> Path:
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("tariff", "entente-2008.toml")``."""
    return _shipped("resources").joinpath(*parts)


def migrations_path() -> Path:
    """The Alembic script folder (``env.py`` and ``versions/``)."""
    return _shipped("migrations")
