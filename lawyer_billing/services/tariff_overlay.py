"""Filling in the tariff: amounts a firm enters for items whose figure the text lost, or
loads from a later entente's file, without ever touching the shipped data (issue of art. 14
and of the civil class tables, see resources/tariff/README.md).

The Tarif screen and the ``tariff`` command go through these use cases: one amount typed in
a form, or every amount of a file, checked against the tariff and the amounts already
stored (the same code, class and date is never replaced), then stored all together or not
at all.
"""

from collections.abc import Iterable, Sequence

from lawyer_billing.domain.formatting import format_date
from lawyer_billing.domain.tariff import OverlayAmount, OverlayLine, Tariff, shipped_tariff
from lawyer_billing.domain.validation import FieldProblem, finer_than_a_cent, raise_if_any
from lawyer_billing.storage.repositories import TariffOverlayRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork


def current_tariff(uow: UnitOfWork, shipped: Tariff | None = None) -> Tariff:
    """The shipped tariff with every amount the firm entered applied from its date."""
    return (shipped or shipped_tariff()).with_overlay(stored_amounts(uow))


def stored_amounts(uow: UnitOfWork) -> list[OverlayAmount]:
    """The amounts the firm entered, with who, when and the source, oldest first."""
    return TariffOverlayRepository(uow.session).all()


def record_overlay_amounts(uow: UnitOfWork, entries: Iterable[OverlayAmount], shipped: Tariff | None = None) -> Tariff:
    """Check the entries against the tariff (unknown code, an item with no figure, a wrong
    class: an ``OverlayError`` and nothing stored), store them all, and return the new tariff."""
    entries = list(entries)
    tariff = current_tariff(uow, shipped).with_overlay(entries)
    repository = TariffOverlayRepository(uow.session)
    for entry in entries:
        repository.add(entry)
    return tariff


def amount_problems(shipped: Tariff, stored: Sequence[OverlayAmount], entry: OverlayAmount) -> list[FieldProblem]:
    """What prevents laying one typed amount over the tariff, each on its field of the form."""
    problems = []
    if entry.effective < shipped.first_effective:
        problems.append(FieldProblem("effective", f"Le tarif ne s'applique qu'aux mandats délivrés à compter du "
                                                  f"{format_date(shipped.first_effective)} (art. 53)."))
    same = next((e for e in stored if (e.code, e.tariff_class, e.effective) ==
                 (entry.code, entry.tariff_class, entry.effective)), None)
    if same is not None:
        problems.append(FieldProblem("effective", f"Un montant est déjà enregistré à cette date ({same.amount} $, "
                                                  f"saisi par {same.entered_by} le {same.entered_at.date().isoformat()}) "
                                                  f": choisissez une autre date d'effet."))
    if entry.amount < 0:
        problems.append(FieldProblem("amount", "Un montant ne peut pas être négatif."))
    problems += finer_than_a_cent("amount", entry.amount)
    if not entry.source_note.strip():
        problems.append(FieldProblem("source_note", "Indiquez la source du montant (texte, décret, avis) : le relevé "
                                                    "doit pouvoir la justifier."))
    return problems


def record_amount(uow: UnitOfWork, entry: OverlayAmount, shipped: Tariff | None = None) -> None:
    """Store one typed amount (``InvalidRecord`` naming each field, nothing stored, otherwise)."""
    shipped = shipped or shipped_tariff()
    raise_if_any(amount_problems(shipped, stored_amounts(uow), entry))
    record_overlay_amounts(uow, [entry], shipped)
    uow.commit()


def record_file_lines(
    uow: UnitOfWork, lines: Sequence[OverlayLine], file_name: str, shipped: Tariff | None = None
) -> list[str]:
    """Store every amount read from a file, or none: the problems (one French sentence each,
    naming the line of the file) against the tariff and the amounts already stored."""
    shipped = shipped or shipped_tariff()
    problems = shipped.overlay_problems(lines, file_name, stored_amounts(uow))
    if problems:
        return problems
    record_overlay_amounts(uow, [line.entry for line in lines], shipped)
    uow.commit()
    return []
