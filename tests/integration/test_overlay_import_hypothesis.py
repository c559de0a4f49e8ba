"""Whatever file a firm loads over the tariff (``tariff load-overlay``, Tarif → Charger un
fichier), the import either stores every amount of it exactly or stores none and names, for
each problem, the file, the line and the field: never a traceback, never half a file.

The files are drawn near the format of ``resources/tariff/README.md``: real columns in any
order, sometimes an unknown one, each value either one a firm would write or a hostile one
(a huge or negative amount, 29 February of a common year, an unknown code, 10 000 characters,
control characters), and now and then a file that is not CSV or YAML at all.
"""

import csv
import io
from datetime import datetime
from decimal import Decimal

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from lawyer_billing.domain.tariff import OverlayFileError, read_overlay_file, shipped_tariff
from lawyer_billing.services.tariff_overlay import record_file_lines, stored_amounts
from lawyer_billing.storage.unit_of_work import UnitOfWork

NOW = datetime(2026, 11, 22, 10, 0)
COLUMNS = ("code", "effective", "amount", "class", "source")
hostile = st.one_of(
    st.text(max_size=12),
    st.text(st.characters(whitelist_categories=("Cc",)), min_size=1, max_size=3),
    st.just("x" * 10_000),
)
#: what a firm writes: T36 has no figure for its classes (the text lost them), T127 has one
#: and no class (a later entente's amount)
ITEMS = st.sampled_from([("T36", "II"), ("t 36", "iiia"), ("T 36", "IV"), ("T127", "")])
VALID = {
    "effective": st.dates(datetime(2007, 4, 1).date(), datetime(2030, 12, 31).date()).map(lambda day: day.isoformat()),
    "amount": st.one_of(st.decimals(min_value=0, max_value=100_000, places=2).map(str),
                        st.sampled_from(["500,00", "1 315 $", "330"])),
    "source": st.sampled_from(["Gazette officielle", "Gazette officielle", ""]),
}
TRICKY = {
    "code": st.one_of(st.sampled_from(["T96", "T999", "T8", "36", ""]), hostile),
    "effective": st.one_of(st.sampled_from(["2006-04-01", "2024-02-29", "2023-02-29", "2024-13-01", "1er avril 2007",
                                            "99999-01-01", ""]), hostile),
    "amount": st.one_of(st.sampled_from(["-5", "1e309", "NaN", "Infinity", "0.001", "9" * 25, "-0", "1e18", ""]),
                        hostile),
    "class": st.one_of(st.sampled_from(["I", "IV", "V"]), hostile),
    "source": hostile,
}
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def overlay_rows(draw, columns):
    """A row a firm would write, with at most one value replaced by a hostile one."""
    code, tariff_class = draw(ITEMS)
    row = {column: draw(VALID.get(column, hostile)) for column in columns if column not in ("code", "class")}
    row |= {column: value for column, value in (("code", code), ("class", tariff_class)) if column in columns}
    row = {column: row[column] for column in columns}
    if draw(st.integers(0, 3)) == 0:
        column = draw(st.sampled_from(columns))
        row[column] = draw(TRICKY.get(column, hostile))
    return row


@st.composite
def overlay_files(draw):
    """(suffix, text) of a file a firm might load, or a damaged one."""
    columns = list(draw(st.permutations(COLUMNS)))
    if draw(st.integers(0, 7)) == 0:
        columns.remove(draw(st.sampled_from(columns)))
    if draw(st.integers(0, 7)) == 0:
        columns.insert(draw(st.integers(0, len(columns))), draw(st.sampled_from(["montant", "Code ", "note"])))
    rows = draw(st.lists(overlay_rows(columns), min_size=1, max_size=4))
    kind = draw(st.sampled_from(["csv", "csv", "csv;", "yaml", "yaml", "raw"]))
    if kind == "raw":
        return draw(st.sampled_from([".csv", ".yaml"])), draw(st.text(max_size=200))
    if kind == "yaml":
        return ".yaml", yaml.safe_dump(rows, allow_unicode=True)
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=columns, delimiter=";" if kind == "csv;" else ",")
    writer.writeheader()
    writer.writerows(rows)
    return ".csv", text.getvalue()


@pytest.fixture
def stored(engine):
    def stored():
        with UnitOfWork(engine) as uow:
            return stored_amounts(uow)

    return stored


@SETTINGS
@given(file=overlay_files(), default_source=st.sampled_from(["", "Décret 911-2008"]))
def test_whatever_file_is_loaded_it_is_stored_whole_or_refused_line_by_line(engine, stored, tmp_path, file,
                                                                            default_source):
    suffix, text = file
    path = tmp_path / f"montants{suffix}"
    path.write_text(text, encoding="utf-8", newline="")
    shipped = shipped_tariff()
    before = stored()
    try:
        lines = read_overlay_file(path, "atremblay", NOW, default_source=default_source, tariff=shipped)
    except OverlayFileError as error:
        problems = error.problems
    else:
        with UnitOfWork(engine) as uow:
            problems = record_file_lines(uow, lines, path.name, shipped)
    after = stored()
    if problems:
        event("refused")
        assert after == before
        assert all(isinstance(problem, str) and f"« {path.name} »" in problem for problem in problems)
        assert all("Traceback" not in problem for problem in problems)
    else:
        event("stored")
        added = after[len(before):]
        assert after[:len(before)] == before
        assert [(a.code, a.tariff_class, a.effective, a.amount) for a in added] == [
            (line.entry.code, line.entry.tariff_class, line.entry.effective, line.entry.amount) for line in lines]
        assert all(a.amount == a.amount.quantize(Decimal("0.01")) and a.amount >= 0 for a in added)
        assert all(a.source_note.strip() for a in added), "an amount stored without its source"
