"""JSON documents damaged at one random place, for the readers of ``compute`` and
``statement`` scenarios: a value a script or an attacker could put anywhere."""

import copy

from hypothesis import strategies as st

HOSTILE_TEXT = st.sampled_from(
    ["", " ", "\x00", "\ud800", "\u202e", "é" * 600, "1e999999", "-0", "NaN", "Infinity", "2024-02-30",
     "24:00", "T64 c)", "M1", "S1", "__proto__", "99999999999999999999", "0.005", "../../etc/passwd"]
)


def json_values(keys):
    """Any JSON value, its object keys drawn among ``keys`` (the real ones) and hostile text."""
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text() | HOSTILE_TEXT,
        lambda children: st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=8) | HOSTILE_TEXT | st.sampled_from(sorted(keys)), children, max_size=4),
        max_leaves=20,
    )


def mutated(document: object, path: list, value: object) -> object:
    """``document`` with the value at one random place replaced by ``value``."""
    if not path or not isinstance(document, (dict, list)) or not document:
        return value
    copied = copy.copy(document)
    keys = list(copied) if isinstance(copied, dict) else list(range(len(copied)))
    key = keys[path[0] % len(keys)]
    copied[key] = mutated(copied[key], path[1:], value)
    return copied
