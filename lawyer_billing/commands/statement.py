"""``lawyer-billing statement SCENARIO.json --pdf FILE --xlsx FILE``: the relevé d'honoraires
of a compute scenario, printed without a database (``docs/statement-format.md``).

The scenario is the one ``compute`` reads, with its ``lawyer`` object (the letterhead, whose
``logo`` names an image file, relative to the scenario's file) and its ``statement`` object
(number, type, addressee, date, disbursements). The exit codes are
those of ``compute``: 0 when every file asked for is written; 2 when the scenario cannot be
read or is invalid, or a file cannot be written, one line per problem on stderr naming the
JSON path (or the option); 3 for an unexpected error, on one line starting with
« erreur interne : ». Services and trips without an amount are left out of the relevé, each
with a line « avertissement : ... » on stderr (the exit code stays 0).

The files hold client names (professional secrecy, art. 13): they are written readable by
their owner only, all of them or none (``private_files.write_private_files``). Importing this
module loads nothing heavy; reportlab and openpyxl are imported when the command runs.
"""

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TextIO

HELP = "imprime le relevé d'honoraires du scénario JSON FICHIER (- : entrée standard) en PDF et/ou en Excel"

EXIT_OK = 0
EXIT_INVALID = 2
EXIT_INTERNAL = 3


def add_arguments(parser) -> None:
    parser.add_argument("scenario", metavar="FICHIER")
    parser.add_argument("--pdf", metavar="FICHIER.pdf", type=Path, help="écrit le relevé en PDF")
    parser.add_argument("--xlsx", metavar="FICHIER.xlsx", type=Path, help="écrit le relevé en classeur Excel")
    parser.add_argument("--disbursements-pdf", metavar="FICHIER.pdf", type=Path,
                        help="écrit aussi l'état des débours seul (entente, art. 19) en PDF")


def run(args) -> int:
    return statement_file(args.scenario, pdf=args.pdf, xlsx=args.xlsx, disbursements_pdf=args.disbursements_pdf)


def statement_file(
    source: str,
    *,
    pdf: Path | None = None,
    xlsx: Path | None = None,
    disbursements_pdf: Path | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    price=None,
) -> int:
    """Print the relevé of the scenario at ``source`` (a file name, or ``-`` for ``stdin``)."""
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    outputs = {"--pdf": pdf, "--xlsx": xlsx, "--disbursements-pdf": disbursements_pdf}
    if not any(outputs.values()):
        print("$: donnez au moins un fichier à écrire : --pdf, --xlsx ou --disbursements-pdf", file=stderr)
        return EXIT_INVALID
    try:
        from lawyer_billing.commands.compute import _read
        from lawyer_billing.domain.formatting import format_money
        from lawyer_billing.domain.pricing import price_services
        from lawyer_billing.domain.scenario import ScenarioError
        from lawyer_billing.domain.statement import unbilled
        from lawyer_billing.domain.statement_scenario import build_statement, read_statement_scenario

        try:
            read = read_statement_scenario(_read(source, stdin or sys.stdin), default_today=date.today())
            read = _with_logo(read, source)
        except ScenarioError as error:
            for problem in error.problems:
                print(problem, file=stderr)
            return EXIT_INVALID
        statement, computation = build_statement(read, price or price_services)
        documents = _render(statement, outputs)
    except Exception as error:  # the contract: never a traceback, always one line
        print(f"erreur interne : {type(error).__name__}: {error}".replace("\n", " "), file=stderr)
        return EXIT_INTERNAL
    problems = _write(documents)
    for problem in problems:
        print(problem, file=stderr)
    if problems:
        return EXIT_INVALID
    for warning in unbilled(computation):
        print(f"avertissement : {warning}", file=stderr)
    written = " ; ".join(f"{option.removeprefix('--')} : {path}" for option, (path, _) in documents.items())
    print(f"Relevé {statement.header.number} : total {format_money(statement.totals.total)} — {written}", file=stdout)
    return EXIT_OK


def _with_logo(read, source: str):
    """``read`` with the image its ``lawyer.logo`` names in its letterhead; a relative path is
    relative to the scenario's file (to the current folder for standard input). A file that
    cannot be read or is no PNG or JPEG image is a problem of the input."""
    from lawyer_billing.commands.compute import STDIN
    from lawyer_billing.domain.scenario import Problem, ScenarioError
    from lawyer_billing.reports.pdf_layout import logo_problem

    if read.logo_file is None:
        return read
    path, base = Path(read.logo_file), "du dossier courant (scénario lu sur l'entrée standard)"
    if source != STDIN:
        path, base = Path(source).parent / path, "du dossier du scénario"
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ScenarioError([Problem("lawyer.logo", (
            f"l'image « {read.logo_file} » est introuvable : {path} n'existe pas (un chemin relatif part {base})"
        ))]) from None
    except OSError as error:
        raise ScenarioError([Problem(
            "lawyer.logo", f"impossible de lire l'image « {read.logo_file} » ({path}) : {error.strerror}"
        )]) from None
    problem = logo_problem(data)
    if problem is not None:
        raise ScenarioError([Problem("lawyer.logo", f"« {read.logo_file} » ({path}) {problem}")])
    return replace(read, lawyer=replace(read.lawyer, logo=data))


def _render(statement, outputs: dict[str, Path | None]) -> dict[str, tuple[Path, bytes]]:
    """Each document asked for, as bytes, before any file is written."""
    from lawyer_billing.reports.statement_pdf import statement_pdf
    from lawyer_billing.reports.statement_xlsx import statement_xlsx

    render = {
        "--pdf": lambda: statement_pdf(statement),
        "--xlsx": lambda: statement_xlsx(statement),
        "--disbursements-pdf": lambda: statement_pdf(statement, disbursements_only=True),
    }
    return {option: (path, render[option]()) for option, path in outputs.items() if path is not None}


def _write(documents: dict[str, tuple[Path, bytes]]) -> list[str]:
    """Write every document owner-only, all or none; the problem of the one that cannot be."""
    from lawyer_billing.private_files import write_private_files

    try:
        write_private_files(list(documents.values()))
    except OSError as error:
        option = next(option for option, (path, _) in documents.items() if str(path) == error.filename)
        return [f"{option}: impossible d'écrire « {error.filename} » : {error.strerror}"]
    return []
