"""French is the language the screens are written in; English comes from a catalog.

Widgets write their text in French through ``tr("...")``; ``install_language`` puts a
translator over the application whose catalog is read from ``resources/i18n/<language>/``
(YAML files, one per screen, French text -> translation). Qt then sends every widget a
``LanguageChange`` event, and each screen re-reads its texts in ``retranslate()`` without
touching what the user typed. A French text without a translation shows in French: a test
checks that every ``tr("...")`` of the ``ui`` package has its English entry.
"""

from functools import cache

import yaml
from PySide6.QtCore import QCoreApplication, QTranslator

from lawyer_billing.resources import resource_path

CONTEXT = "lawyer_billing"
LANGUAGES = {"fr": "Français", "en": "English"}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@cache
def catalog(language: str) -> dict[str, str]:
    folder = resource_path("i18n", language)
    entries: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        with path.open(encoding="utf-8") as stream:
            data = yaml.safe_load(stream) or {}
        if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
            raise ValueError(f"{path.name} : chaque entrée doit être « texte français: traduction ».")
        entries.update(data)
    return entries


class CatalogTranslator(QTranslator):
    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language
        self.entries = catalog(language)

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 (Qt's name)
        return self.entries.get(source_text) or None

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self.entries


_installed: list[CatalogTranslator] = []


def install_language(language: str) -> None:
    """Show the application in ``language``; open windows are retranslated in place."""
    if language not in LANGUAGES:
        raise ValueError(f"Langue inconnue : {language}")
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "fr":
        translator = CatalogTranslator(language)
        app.installTranslator(translator)
        _installed.append(translator)
