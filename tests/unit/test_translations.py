"""Every French text the screens pass to ``tr`` has its English translation, and the catalog
has no entry left over from a text that no longer exists."""

import ast
from pathlib import Path

import lawyer_billing.ui
from lawyer_billing.ui.i18n import catalog

UI = Path(lawyer_billing.ui.__file__).parent


def texts_shown() -> set[str]:
    texts = set()
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "tr":
                if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                    texts.add(node.args[0].value)
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) in ("TITLE",) for t in node.targets):
                if isinstance(node.value, ast.Constant):
                    texts.add(node.value.value)
    return texts


def test_every_text_has_an_english_translation():
    missing = sorted(texts_shown() - set(catalog("en")))
    assert missing == [], "add to resources/i18n/en/*.yaml:\n" + "\n".join(f'"{t}": ""' for t in missing)


def test_no_translation_is_left_without_its_text():
    assert sorted(set(catalog("en")) - texts_shown()) == []
