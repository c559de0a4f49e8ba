"""``lawyer-billing deadlines``: the deadlines of the stored work, by urgency, in French.

One line per deadline: its last day, what it is about, its article and where it stands. The
periods of the Code of Penal Procedure followed on a mandate and not yet done are listed with
the others, named with their article (« Appel (C.p.p. art. 271) »).
``--days N`` keeps those due within N days (the overdue ones always); ``--ics FILE`` also
writes them as an iCalendar file to import into Outlook or Google Calendar; ``--today``
computes them as on another day. Every deadline listed is written to the dated log. A calendar
file that cannot be written is one French sentence and exit code 1 (a folder is refused before
anything is read).
"""

import argparse
import sys
from datetime import datetime
from pathlib import Path

from lawyer_billing.commands import day_argument
from lawyer_billing.domain.deadlines import DeadlineState, Status

EXIT_FAILURE = 1
HELP = "affiche les échéances des mandats et des relevés (art. 15, 17, 29-35, T8) et les délais pénaux suivis"

URGENCY_TITLES = {
    "overdue": "En retard",
    "this_week": "Cette semaine (7 jours)",
    "this_month": "Ce mois-ci (30 jours)",
    "later": "Plus tard",
}


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas un nombre de jours (0 ou plus)")
    return int(text)


def add_arguments(parser) -> None:
    parser.add_argument("--days", metavar="N", type=_days,
                        help="seulement les échéances des N prochains jours (et celles en retard)")
    parser.add_argument("--ics", metavar="FICHIER", type=Path,
                        help="écrit aussi les échéances dans ce fichier iCalendar (.ics)")
    parser.add_argument("--today", metavar="AAAA-MM-JJ", type=day_argument,
                        help="calcule les échéances comme à cette date (par défaut : aujourd'hui)")


def run(args) -> int:
    from lawyer_billing.app import open_current_database
    from lawyer_billing.domain.formatting import format_date
    from lawyer_billing.services.deadlines import list_deadlines, write_calendar
    from lawyer_billing.storage.database import resolve_url
    from lawyer_billing.storage.unit_of_work import UnitOfWork

    if args.ics is not None and args.ics.is_dir():
        print(f"« {args.ics} » est un dossier : donnez le nom du fichier .ics à écrire.", file=sys.stderr)
        return EXIT_FAILURE
    now = datetime.now()
    today = args.today or now.date()
    engine, _ = open_current_database(resolve_url(args.db), now)
    with UnitOfWork(engine) as uow:
        board = list_deadlines(uow, today, now, args.days)
    print(f"Échéances au {format_date(today)}" + (f", {args.days} prochains jours" if args.days is not None else ""))
    if not board.items:
        print("Aucune échéance.")
    for urgency, items in board.by_urgency().items():
        if items:
            print(f"\n{URGENCY_TITLES[urgency.value]}")
            for item in items:
                print(f"  {item.deadline.due.isoformat()}  {item.deadline.label_fr} — {item.subject_fr}"
                      f"  ({item.deadline.article})  {_status_fr(item.status)}")
    if args.ics is not None:
        try:
            events = write_calendar(args.ics, board.items, now.astimezone(), board.reminders)
        except OSError as error:
            print(f"Impossible d'écrire le calendrier « {args.ics} » : {error.strerror}.", file=sys.stderr)
            return EXIT_FAILURE
        print(f"\nCalendrier écrit dans {args.ics} ({events} échéance{'s' if events > 1 else ''}).")
    return 0


def _status_fr(status: Status) -> str:
    """« en retard de 3 jours », « aujourd'hui », « dans 12 jours (rappel : 30 j) », « interrompu »."""
    days = status.days_left
    if status.state is DeadlineState.INTERRUPTED:
        return "délai interrompu (art. 33)"
    if days < 0:
        return f"en retard de {-days} jour{'s' if -days > 1 else ''}"
    when = "aujourd'hui" if days == 0 else f"dans {days} jour{'s' if days > 1 else ''}"
    if status.reminders_reached:
        when += f" (rappel : {min(status.reminders_reached)} j)"
    return when
