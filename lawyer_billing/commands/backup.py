"""``lawyer-billing backup FILE``: a verified copy of the current database (SQLite or PostgreSQL)."""

from datetime import datetime
from pathlib import Path

HELP = "copie la base de données dans FICHIER"


def add_arguments(parser) -> None:
    parser.add_argument("path", metavar="FICHIER", type=Path)


def run(args) -> int:
    from lawyer_billing.app import open_current_database
    from lawyer_billing.storage.database import resolve_url
    from lawyer_billing.storage.snapshots import copy_database

    now = datetime.now()
    engine, _ = open_current_database(resolve_url(args.db), now)
    copy_database(engine, args.path, now)
    print(f"Sauvegarde écrite dans {args.path}")
    return 0
