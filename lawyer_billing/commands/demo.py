"""``lawyer-billing demo``: a demonstration database (fictitious files) in an empty database.

For trying the application, its screenshots and its speed benchmarks: ``--db`` names the new
database (the default one is refused as soon as it holds anything). The real date is passed
to the demo, which never reads the clock itself, unless ``--today`` gives another day (the
screenshots use a fixed one).
"""

import argparse
from datetime import date, datetime

from lawyer_billing.commands import day_argument

HELP = "crée une base de démonstration (dossiers fictifs) dans une base vide"
DEFAULT_MANDATES = 500
DEFAULT_SEED = 1
MOST_MANDATES = 100_000


def _mandate_count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas un nombre de mandats") from None
    if not 1 <= count <= MOST_MANDATES:
        raise argparse.ArgumentTypeError(f"le nombre de mandats va de 1 à {MOST_MANDATES}")
    return count


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas un nombre entier") from None


def add_arguments(parser) -> None:
    parser.add_argument("--mandates", metavar="N", type=_mandate_count, default=DEFAULT_MANDATES,
                        help=f"nombre de mandats (défaut : {DEFAULT_MANDATES})")
    parser.add_argument("--seed", metavar="S", type=_seed, default=DEFAULT_SEED,
                        help=f"graine : la même graine donne la même base (défaut : {DEFAULT_SEED})")
    parser.add_argument("--today", metavar="AAAA-MM-JJ", type=day_argument, default=None,
                        help="le jour où se place la démonstration (défaut : aujourd'hui), pour des captures "
                             "d'écran qui ne changent pas d'un jour à l'autre")
    parser.add_argument("--no-statements", dest="statements", action="store_false",
                        help="sans relevés (bien plus rapide : préparer un relevé calcule toute la base)")


def run(args) -> int:
    from lawyer_billing.app import open_current_database
    from lawyer_billing.domain.formatting import format_number
    from lawyer_billing.services.demo import create_demo
    from lawyer_billing.storage.database import describe, resolve_url
    from lawyer_billing.storage.unit_of_work import UnitOfWork

    url = resolve_url(args.db)
    engine, _ = open_current_database(url, datetime.now())
    try:
        with UnitOfWork(engine) as uow:
            made = create_demo(uow, mandates=args.mandates, seed=args.seed, today=args.today or date.today(),
                               statements=args.statements)
    finally:
        engine.dispose()
    print(
        f"Base de démonstration créée dans {describe(url)} : {format_number(made.mandates, 'fr')} mandats, "
        f"{format_number(made.services, 'fr')} services, {format_number(made.travel, 'fr')} déplacements, "
        f"{format_number(made.disbursements, 'fr')} débours, {format_number(made.statements, 'fr')} relevés "
        f"(graine {args.seed})."
    )
    return 0
