"""The ``lawyer-billing`` command: no argument starts the window; subcommands work headless.

A thin parser: each command calls into ``app`` or the services and turns a ``StorageError``
into its sentence on stderr and a non-zero exit, never a traceback (an unexpected error is
written to the log with its details, and the user gets one sentence saying where). Each
command imports what it needs when it runs: ``compute`` loads neither Qt nor SQLAlchemy.
"""

import argparse
import importlib
import logging
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from lawyer_billing import __version__
from lawyer_billing.logs import start_logging
from lawyer_billing.storage.errors import StorageError

log = logging.getLogger("lawyer_billing")

EXIT_FAILURE = 1

#: The subcommands, each a module of ``lawyer_billing.commands`` (see its docstring).
COMMANDS = ("compute", "backup", "restore", "tariff", "statement", "deadlines", "demo")


def _command(name: str):
    return importlib.import_module(f"lawyer_billing.commands.{name}")


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
    for name in COMMANDS:
        module = _command(name)
        module.add_arguments(commands.add_parser(name, help=module.HELP, description=module.HELP))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code = _run(args)
        if sys.stdout is not None:  # None in the Windows build, which has no console
            sys.stdout.flush()  # here, where a reader that went away is caught, rather than at exit
        return code
    except BrokenPipeError:
        # the reader of the output stopped early (``| head``): no error of the command, and
        # nothing more to write there (Python would try again when it flushes stdout at exit)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE


def _run(args) -> int:
    if args.command == "compute":  # its own exit codes and messages (docs/compute-format.md)
        return _command("compute").run(args)
    log_file = start_logging()
    try:
        if args.self_test:
            return self_test()
        if args.command:
            return _command(args.command).run(args)
        return start_window(args)
    except StorageError as error:
        log.warning("%s: %s", type(error).__name__, args.command or "fenêtre")
        print(error, file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        raise
    except Exception:
        log.exception("erreur inattendue (commande : %s)", args.command or "fenêtre")
        where = f" Les détails sont dans {log_file}." if log_file else ""
        print(f"Erreur inattendue : l'opération n'a pas été faite.{where}", file=sys.stderr)
        return EXIT_FAILURE


def start_window(args) -> int:
    from lawyer_billing.app import open_current_database
    from lawyer_billing.storage.database import describe, resolve_url
    from lawyer_billing.ui.application import has_display, run_window

    if not has_display():
        print(
            "Aucun affichage graphique n'est disponible (DISPLAY n'est pas défini) : lancez "
            "l'application depuis une session de bureau, ou utilisez les commandes sans fenêtre (--help).",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    url = resolve_url(args.db)
    engine, _ = open_current_database(url, datetime.now())
    return run_window(engine, describe(url))


def self_test() -> int:
    from lawyer_billing.app import open_current_database
    from lawyer_billing.domain.tariff import shipped_tariff
    from lawyer_billing.storage.database import describe, resolve_url
    from lawyer_billing.ui.application import window_self_test

    with tempfile.TemporaryDirectory(prefix="lawyer_billing-self-test-") as folder:
        url = resolve_url(f"sqlite:///{Path(folder) / 'self-test.sqlite3'}")
        engine, report = open_current_database(url, datetime.now())
        platform = window_self_test(engine, describe(url))
        engine.dispose()
    items = len(shipped_tariff())
    print(f"self-test: ok (migrations: {len(report.applied)}, tariff items: {items}, platform: {platform})")
    return 0
