"""Paramètres, Langue: French or English, applied at once to every open screen (what was typed
stays where it is) and kept for the next start."""

from dataclasses import replace

from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from lawyer_billing.services.settings import load_preferences, save_preferences
from lawyer_billing.ui.i18n import LANGUAGES, install_language, tr
from lawyer_billing.ui.operations import attempt
from lawyer_billing.ui.widgets.retranslating import Retranslating
from lawyer_billing.ui.widgets.settings_section import explanation


class LanguageSection(Retranslating, QWidget):
    """No form to save: choosing a language applies and keeps it."""

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.intro = explanation()
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        for language, name in LANGUAGES.items():
            button = QRadioButton(name)  # each language named in itself, never translated
            button.setObjectName(f"language_{language}")
            self.buttons[language] = button
            self.group.addButton(button)
            layout.addWidget(button)
            button.toggled.connect(lambda checked, language=language: checked and self.choose(language))
        layout.addWidget(self.intro)
        layout.addStretch(1)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.title.setText(tr("Langue de l'application"))
        self.intro.setText(tr(
            "Le changement s'applique tout de suite à tous les écrans, sans perdre ce qui est en cours de "
            "saisie, et reste en vigueur au prochain démarrage. Les explications tirées des textes de loi "
            "restent en français."
        ))

    def load(self) -> None:
        self.buttons[self.context.language].setChecked(True)

    def choose(self, language: str) -> None:
        if language == self.context.language:
            return

        def keep() -> None:
            with self.context.unit_of_work() as uow:
                save_preferences(uow, replace(load_preferences(uow), language=language))
                uow.commit()

        attempt(self, keep)
        self.context.language = language
        install_language(language)
        self.context.events.language_changed.emit(language)
