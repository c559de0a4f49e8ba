"""``lawyer-billing restore FILE``: replace the database by a backup, keeping the current one."""

from datetime import datetime
from pathlib import Path

HELP = "remplace la base de données par la sauvegarde FICHIER (l'actuelle est sauvegardée d'abord)"


def add_arguments(parser) -> None:
    parser.add_argument("path", metavar="FICHIER", type=Path)


def run(args) -> int:
    from lawyer_billing.app import backup_folder, open_current_database
    from lawyer_billing.storage.database import resolve_url
    from lawyer_billing.storage.snapshots import restore_file

    url = resolve_url(args.db)
    now = datetime.now()
    engine, _ = open_current_database(url, now)
    kept = restore_file(args.path, engine, backup_folder(url), now)
    print(f"Base de données restaurée depuis {args.path}. L'ancienne version est conservée dans {kept}.")
    return 0
