"""Whatever a script puts in a ``statement`` scenario (the ``compute`` format plus ``lawyer``
and ``statement``), the reader refuses it with problems naming their path, or the relevé is
built: never another exception, which the command could only report as an internal error."""

import json
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lawyer_billing.domain.scenario import ScenarioError
from lawyer_billing.domain.statement_scenario import build_statement, read_statement_scenario
from tests.json_fuzzing import json_values, mutated

EXAMPLE = json.loads((Path(__file__).parents[2] / "examples" / "statement-complete.json").read_text(encoding="utf-8"))
KEYS = {*EXAMPLE, *EXAMPLE["lawyer"], *EXAMPLE["statement"]}
TODAY = date(2026, 11, 22)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=20), max_size=5), json_values(KEYS))
def test_fuzzed_statement_scenarios_are_refused_by_path_or_built(path, value):
    document = mutated(EXAMPLE, path, value)
    try:
        read = read_statement_scenario(json.dumps(document), TODAY)
    except ScenarioError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path and problem.message_fr
            str(problem).encode("utf-8")  # printable: no lone surrogate escapes into a message
        return
    statement, _ = build_statement(read)
    assert statement.totals.total >= 0
