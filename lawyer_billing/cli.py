"""The ``lawyer-billing`` command: no argument starts the window; subcommands work headless.

A thin parser: each command calls into ``app`` or the services and turns a ``StorageError``
into its sentence on stderr and a non-zero exit, never a traceback. Qt is imported only by the
commands that show a window.
"""

import argparse
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from lawyer_billing import __version__
from lawyer_billing.app import backup_folder, open_current_database
from lawyer_billing.commands.compute import run as run_compute
from lawyer_billing.storage.snapshots import copy_database, restore_file
from lawyer_billing.storage.database import describe, resolve_url
from lawyer_billing.storage.errors import StorageError

EXIT_FAILURE = 1


class _FrenchParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        self.exit(2, f"Erreur : {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _FrenchParser(
        prog="lawyer-billing",
        description="Facturation des mandats d'aide juridique (Québec). Sans commande : ouvre l'application.",
    )
    parser.add_argument("--version", action="version", version=f"lawyer-billing {__version__}")
    parser.add_argument("--db", metavar="URL", help="base de données (adresse SQLAlchemy) ; sinon LAWYER_BILLING_DB ou le fichier par défaut")
    parser.add_argument("--self-test", action="store_true", help="vérifie l'installation sur une base jetable, puis quitte")
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE")
    backup = commands.add_parser("backup", help="copie la base de données dans FICHIER")
    backup.add_argument("path", metavar="FICHIER", type=Path)
    restore = commands.add_parser("restore", help="remplace la base de données par la sauvegarde FICHIER (l'actuelle est sauvegardée d'abord)")
    restore.add_argument("path", metavar="FICHIER", type=Path)
    compute = commands.add_parser("compute", help="calcule le scénario JSON FICHIER (- : entrée standard) sans base de données et écrit le résultat en JSON")
    compute.add_argument("scenario", metavar="FICHIER")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.self_test:
            return self_test()
        if args.command == "backup":
            return backup(args)
        if args.command == "restore":
            return restore(args)
        if args.command == "compute":
            return run_compute(args.scenario)
        return start_window(args)
    except StorageError as error:
        print(error, file=sys.stderr)
        return EXIT_FAILURE


def start_window(args) -> int:
    from lawyer_billing.ui.application import has_display, run_window

    if not has_display():
        print(
            "Aucun affichage graphique n'est disponible (DISPLAY n'est pas défini) : lancez "
            "l'application depuis une session de bureau, ou utilisez les commandes sans fenêtre (--help).",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    url = resolve_url(args.db)
    open_current_database(url, datetime.now())
    return run_window(describe(url))


def self_test() -> int:
    from lawyer_billing.ui.application import window_self_test

    with tempfile.TemporaryDirectory(prefix="lawyer_billing-self-test-") as folder:
        url = resolve_url(f"sqlite:///{Path(folder) / 'self-test.sqlite3'}")
        engine, report = open_current_database(url, datetime.now())
        engine.dispose()
        platform = window_self_test(describe(url))
    print(f"self-test: ok (migrations: {len(report.applied)}, platform: {platform})")
    return 0


def backup(args) -> int:
    url = resolve_url(args.db)
    engine, _ = open_current_database(url, datetime.now())
    copy_database(engine, args.path)
    print(f"Sauvegarde écrite dans {args.path}")
    return 0


def restore(args) -> int:
    url = resolve_url(args.db)
    engine, _ = open_current_database(url, datetime.now())
    kept = restore_file(args.path, engine, backup_folder(url), datetime.now())
    print(f"Base de données restaurée depuis {args.path}. L'ancienne version est conservée dans {kept}.")
    return 0
