"""``lawyer-billing tariff``: look an item of annex II up, search the tariff, load a firm's amounts.

- ``tariff show CODE [--date AAAA-MM-JJ] [--class C]``: the item (code, French label, unit, its
  figure for a mandate issued on that date, or « montant inconnu », article, and the source of
  the figure: the entente, or an amount the firm entered, with who, when and its note). The
  date that governs a figure is the mandate's issue date (art. 53); today's by default.
- ``tariff search MOTS``: the items whose code starts with the text or whose labels hold the
  words (accents and case ignored).
- ``tariff load-overlay FICHIER --source NOTE``: reads a YAML or CSV file of amounts (format in
  ``resources/tariff/README.md``), checks every amount against the tariff and what is already
  recorded, then records them all in one unit of work, entered by the user of the system. One
  problem makes nothing recorded.

Exit codes: 0 done; 2 invalid input (an unknown code or class, a file with problems: one line
per problem on stderr, each naming the line of the file; nothing is written); 1 when the
database cannot be used (``cli.main`` prints its sentence).
"""

import getpass
import sys
from datetime import date, datetime
from pathlib import Path

from lawyer_billing.commands import day_argument

HELP = "consulte le tarif de l'annexe II (show, search) et charge des montants saisis par le cabinet (load-overlay)"

EXIT_OK = 0
EXIT_INVALID = 2
SEARCH_LIMIT = 50
LABEL_WIDTH = 100

UNITS_FR = {
    "flat": "forfait",
    "per_day": "par jour",
    "per_half_day": "par demi-journée",
    "per_additional_half_day": "par demi-journée additionnelle",
    "per_attendance": "par vacation",
    "per_page": "par page",
    "percentage": "pourcentage",
}
KINDS_FR = {
    "rule": "aucun : c'est une règle que le calcul applique",
    "group": "aucun : facturer l'un de ses sous-articles",
    "special_consideration": "aucun : demande de considération spéciale, la Commission fixe le montant (T8-T12)",
    "no_tariff": "aucun : service sans tarif, l'organisme d'aide juridique fixe le montant (art. 14)",
}
RATE_BASES_FR = {"indemnity": "de l'indemnité", "judgment": "du jugement ou de la réclamation", "fee": "des honoraires"}
SCOPES_FR = {"matter": "dans une même affaire", "mandate": "dans un même mandat"}


def add_arguments(parser) -> None:
    actions = parser.add_subparsers(dest="tariff_action", metavar="ACTION", required=True)
    show = actions.add_parser(
        "show", help="affiche un article du tarif et son montant à une date",
        description="Affiche un article du tarif et son montant pour un mandat délivré à une date.",
    )
    show.add_argument("code", metavar="CODE", help="l'article, ex. T127, « T64 c) », t36")
    show.add_argument("--date", type=day_argument, metavar="AAAA-MM-JJ",
                      help="date de délivrance du mandat (art. 53) ; aujourd'hui par défaut")
    show.add_argument("--class", dest="tariff_class", metavar="CLASSE",
                      help="classe de l'action (T20 : I, II, IIIa, IIIb ou IV) ; toutes par défaut")
    search = actions.add_parser("search", help="cherche des articles par code ou par mots du libellé",
                                description="Cherche des articles par le début de leur code ou par mots du libellé.")
    search.add_argument("words", metavar="MOTS", nargs="+")
    load = actions.add_parser(
        "load-overlay", help="enregistre les montants d'un fichier YAML ou CSV (tout ou rien)",
        description="Vérifie un fichier de montants (YAML ou CSV : code, effective, amount, class, source) et "
                    "les enregistre tous dans la base de données, ou aucun s'il y a un problème.",
    )
    load.add_argument("path", metavar="FICHIER", type=Path)
    load.add_argument("--source", required=True, metavar="NOTE",
                      help="d'où viennent les montants (ex. « Gazette officielle 2008, D. 911-2008 ») ; la "
                           "colonne « source » d'une ligne la remplace pour cette ligne")


def run(args) -> int:
    if args.tariff_action == "show":
        return show(args)
    if args.tariff_action == "search":
        return search(" ".join(args.words))
    return load_overlay(args)


def show(args) -> int:
    """Print one item and its figure on the date, with where the figure comes from."""
    from lawyer_billing.domain.tariff import CLASSES, ITEM_BASE_PREFIX, TariffError, UnknownCodeError, shipped_tariff

    shipped = shipped_tariff()
    try:
        item = shipped.item(args.code)
    except (UnknownCodeError, KeyError):
        return _invalid(f"« {args.code} » n'est pas un article du tarif de l'annexe II "
                        f"(lawyer-billing tariff search MOTS pour le chercher).")
    # a rate of another item (T80: « la demie des honoraires » of T78) is read in that item's classes
    base = shipped.item(item.of.removeprefix(ITEM_BASE_PREFIX)) if _rate_of_item(item) else None
    by_class = item.classes or (base.classes if base is not None else {})
    classes = list(by_class) if by_class else [None]
    if args.tariff_class is not None:
        named = next((c for c in CLASSES if c.casefold() == args.tariff_class.strip().casefold()), None)
        if named is None:
            return _invalid(f"« {args.tariff_class} » n'est pas une classe d'action (I, II, IIIa, IIIb ou IV).")
        if not by_class:
            return _invalid(f"L'article {item.code} n'a pas de montant par classe d'action : retirer --class.")
        classes = [named]
    on = args.date or date.today()
    entries = _recorded_amounts(args) if item.has_figure else []
    tariff = shipped.with_overlay(entries)
    print(f"{item.code} — {item.label_fr}")
    where = ", ".join(part for part in (item.part, item.section) if part)
    print(f"Article : {item.article} ({where})")
    if item.unit:
        print(f"Unité : {UNITS_FR.get(item.unit, item.unit)}")
    if not item.has_figure:
        print(f"Montant : {KINDS_FR[item.kind]}")
        classes = []
    for tariff_class in classes:
        prefix = f"Montant au {on.isoformat()}" + (f", classe {tariff_class}" if tariff_class else "")
        own_class = tariff_class if item.classes else None
        try:
            figure = tariff.amount(item.code, on, own_class)
            base_figure = tariff.amount(base.code, on, tariff_class) if base is not None else None
        except TariffError as error:
            print(f"{prefix} : aucun — {error}")
            continue
        print(f"{prefix} : {_figure_fr(item, figure)}")
        print(f"  Source : {_source_fr(shipped.overlay_in_effect(entries, item.code, on, own_class))}")
        if base is not None:
            amount = "" if figure is None or base_figure is None else f", soit {_amount_fr(figure * base_figure)}"
            print(f"  {base.code} : {_amount_fr(base_figure)}{amount} ; source de {base.code} : "
                  f"{_source_fr(shipped.overlay_in_effect(entries, base.code, on, tariff_class))}")
    if item.max_count is not None:
        print(f"Maximum : {item.max_count} fois {SCOPES_FR.get(item.max_scope, '')}".rstrip())
    if item.requires_authorisation:
        print("Autorisation préalable de l'organisme d'aide juridique requise.")
    if item.note:
        print(f"Note : {item.note}")
    return EXIT_OK


def search(text: str) -> int:
    """Print the items that match, one a line: code, unit and the start of the label."""
    from lawyer_billing.domain.tariff import shipped_tariff

    found = shipped_tariff().search(text)
    if not found:
        print(f"Aucun article ne correspond à « {text} ».")
        return EXIT_OK
    for item in found[:SEARCH_LIMIT]:
        label = item.label_fr if len(item.label_fr) <= LABEL_WIDTH else item.label_fr[: LABEL_WIDTH - 1] + "…"
        print(f"{item.code:<9} {label}")
    if len(found) > SEARCH_LIMIT:
        print(f"… et {len(found) - SEARCH_LIMIT} autres : préciser la recherche.")
    return EXIT_OK


def load_overlay(args) -> int:
    """Check the file, then record every amount in one unit of work, or none."""
    from lawyer_billing.app import open_current_database
    from lawyer_billing.domain.tariff import OverlayFileError, read_overlay_file, shipped_tariff
    from lawyer_billing.services.tariff_overlay import record_file_lines
    from lawyer_billing.storage.database import resolve_url
    from lawyer_billing.storage.unit_of_work import UnitOfWork

    now = datetime.now()
    user = _system_user()
    name = args.path.name
    shipped = shipped_tariff()
    try:  # every problem of the file, refused before the database is even opened
        lines = read_overlay_file(args.path, user, now, default_source=args.source, tariff=shipped)
    except OverlayFileError as error:
        return _invalid(*error.problems)
    engine, _ = open_current_database(resolve_url(args.db), now)
    try:
        with UnitOfWork(engine) as uow:
            problems = record_file_lines(uow, lines, name, shipped)
        if problems:
            return _invalid(*problems)
    finally:
        engine.dispose()
    print(f"{len(lines)} montant(s) de « {name} » enregistré(s), saisi(s) par {user}.")
    return EXIT_OK


def _recorded_amounts(args) -> list:
    """The amounts the firm recorded over the tariff (the database is opened, read, closed)."""
    from lawyer_billing.app import open_current_database
    from lawyer_billing.services.tariff_overlay import stored_amounts
    from lawyer_billing.storage.database import resolve_url
    from lawyer_billing.storage.unit_of_work import UnitOfWork

    engine, _ = open_current_database(resolve_url(args.db), datetime.now())
    try:
        with UnitOfWork(engine) as uow:
            return stored_amounts(uow)
    finally:
        engine.dispose()


def _rate_of_item(item) -> bool:
    from lawyer_billing.domain.tariff import ITEM_BASE_PREFIX

    return item.kind == "rate" and bool(item.of) and item.of.startswith(ITEM_BASE_PREFIX)


def _amount_fr(amount) -> str:
    from lawyer_billing.domain.rules.line import fr_money

    return "montant inconnu" if amount is None else fr_money(amount)


def _figure_fr(item, figure) -> str:
    from lawyer_billing.domain.tariff import ITEM_BASE_PREFIX

    if figure is None or item.kind != "rate":
        return _amount_fr(figure)
    percent = f"{(figure * 100).normalize():f}".replace(".", ",")
    if item.of and item.of.startswith(ITEM_BASE_PREFIX):
        return f"{percent} % des honoraires de {item.of.removeprefix(ITEM_BASE_PREFIX)}"
    return f"{percent} % {RATE_BASES_FR.get(item.of, '')}".rstrip()


def _source_fr(entry) -> str:
    if entry is None:
        return "entente de 2008 (annexe II)"
    note = f" — {entry.source_note}" if entry.source_note else ""
    return f"montant saisi par {entry.entered_by} le {entry.entered_at.date().isoformat()}{note}"


def _system_user() -> str:
    """Who entered the amounts: the user of the operating system."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "inconnu"


def _invalid(*problems: str) -> int:
    for problem in problems:
        print(problem, file=sys.stderr)
    return EXIT_INVALID
