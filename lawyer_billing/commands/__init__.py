"""The headless subcommands of ``lawyer-billing``, one module each.

Every module listed in ``cli.COMMANDS`` has ``HELP`` (one French line for ``--help``),
``add_arguments(parser)`` and ``run(args) -> int``. Importing a command module must stay
light (standard library and the domain only): the parser imports them all, and ``compute``
must load neither Qt nor SQLAlchemy. Heavy imports go inside ``run``.
"""

import argparse
import re
from datetime import date

from lawyer_billing.domain.calendar import FIRST_YEAR, LAST_YEAR

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def day_argument(text: str) -> date:
    """The ``type`` of a date option: ``AAAA-MM-JJ``, in the years a date given to the
    application may have (``calendar.FIRST_YEAR`` to ``LAST_YEAR``)."""
    try:
        day = date.fromisoformat(text) if _ISO_DAY.fullmatch(text) else None
    except ValueError:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas une date AAAA-MM-JJ")
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise argparse.ArgumentTypeError(f"« {text} » est hors des années {FIRST_YEAR} à {LAST_YEAR}")
    return day
