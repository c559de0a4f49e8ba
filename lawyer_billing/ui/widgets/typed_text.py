"""The text a user typed in a multi-line field, exactly as typed.

``QPlainTextEdit.toPlainText()`` turns no-break spaces into ordinary spaces, so « 1 234 $ »
or « Me Tremblay » written with them would be saved changed; the document's raw text keeps
them, with paragraph separators (U+2029) that become the usual line breaks.
"""

from PySide6.QtWidgets import QPlainTextEdit

PARAGRAPH_SEPARATOR = "\u2029"


def typed_text(edit: QPlainTextEdit) -> str:
    return edit.document().toRawText().replace(PARAGRAPH_SEPARATOR, "\n")
