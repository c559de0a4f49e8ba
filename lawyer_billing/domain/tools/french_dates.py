"""Dates and times written the way a Quebec court document writes them.

The sentence calculator explains each date it computes and the DPCP e-mail puts the
hearing date in its subject; both need the same French spelling ("1er mars 2024", "9 h 30"),
so it lives here once, and ``formatting.format_date`` writes its French dates with it (Babel
writes neither « 1er » nor « 9 h 30 »).
"""

from datetime import date, time

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def format_date_fr(day: date) -> str:
    """``date(2024, 3, 1)`` -> ``"1er mars 2024"`` (French writes the first of the month "1er")."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS_FR[day.month - 1]} {day.year}"


def format_weekday_date_fr(day: date) -> str:
    """``date(2020, 11, 27)`` -> ``"vendredi 27 novembre 2020"``."""
    return f"{WEEKDAYS_FR[day.weekday()]} {format_date_fr(day)}"


def format_time_fr(moment: time) -> str:
    """``time(9, 30)`` -> ``"9 h 30"``, ``time(12, 0)`` -> ``"12 h"`` (Quebec usage)."""
    if moment.minute:
        return f"{moment.hour} h {moment.minute:02d}"
    return f"{moment.hour} h"
