"""``lawyer-billing compute SCENARIO.json``: a scenario in, the computed result out, as JSON.

The exit codes are part of the contract (``docs/compute-format.md``): 0 with the result on
stdout; 2 when the scenario cannot be read or is invalid, one line per problem on stderr, each
naming the field by its JSON path; 3 for an unexpected error, on one line starting with
« erreur interne : », never a traceback. ``-`` reads the scenario from standard input. A
scenario without ``settings.today`` is computed as of the real date, the only place the clock
is read.
"""

import json
import sys
from datetime import date
from pathlib import Path
from typing import TextIO

from lawyer_billing.domain.compute import PriceServices, compute, result_document
from lawyer_billing.domain.pricing import price_services
from lawyer_billing.domain.scenario import ROOT, Problem, ScenarioError, read_scenario

HELP = "calcule le scénario JSON FICHIER (- : entrée standard) sans base de données et écrit le résultat en JSON"

EXIT_OK = 0
EXIT_INVALID = 2
EXIT_INTERNAL = 3
STDIN = "-"


def add_arguments(parser) -> None:
    parser.add_argument("scenario", metavar="FICHIER")


def run(args) -> int:
    return compute_file(args.scenario)


def compute_file(
    source: str,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    price: PriceServices = price_services,
) -> int:
    """Compute the scenario at ``source`` (a file name, or ``-`` for ``stdin``); the exit code."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    try:
        scenario = read_scenario(_read(source, stdin or sys.stdin), default_today=date.today())
        document = result_document(compute(scenario, price))
    except ScenarioError as error:
        for problem in error.problems:
            print(problem, file=stderr)
        return EXIT_INVALID
    except Exception as error:  # the contract: never a traceback, always one line
        print(f"erreur interne : {type(error).__name__}: {error}".replace("\n", " "), file=stderr)
        return EXIT_INTERNAL
    stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    return EXIT_OK


def _read(source: str, stdin: TextIO) -> str:
    """The scenario's text; a file that cannot be read is a problem of the input (exit 2)."""
    try:
        if source == STDIN:
            return stdin.read().removeprefix("\ufeff")
        return Path(source).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioError([Problem(ROOT, f"« {source} » n'est pas un texte UTF-8")]) from None
    except OSError as error:
        raise ScenarioError([Problem(ROOT, f"impossible de lire « {source} » : {error.strerror}")]) from None
