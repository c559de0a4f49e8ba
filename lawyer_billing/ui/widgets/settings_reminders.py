"""Paramètres, Rappels: how many days before a deadline the lawyer is reminded of it."""

import re
from dataclasses import replace

from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout

from lawyer_billing.domain.typed_input import TypedInputError
from lawyer_billing.services.settings import load_preferences
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets.fields import TypedField, with_message
from lawyer_billing.ui.widgets.settings_section import SettingsSection, button_row, explanation


def read_days(text: str) -> tuple[int, ...]:
    """``60, 30, 7`` (commas, semicolons or spaces) -> ``(60, 30, 7)``; the settings check the range."""
    parts = [part for part in re.split(r"[\s,;]+", text.strip()) if part]
    if not parts or not all(part.isdigit() for part in parts):
        raise TypedInputError(f"« {text.strip()} » : donnez des nombres de jours séparés par des virgules, "
                              "par exemple 60, 30, 7.")
    return tuple(int(part) for part in parts)


class RemindersSection(SettingsSection):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.intro = explanation()
        self.days = TypedField(read_days, "60, 30, 7")
        self.days.setObjectName("reminders")
        self.days_label = QLabel()
        self.days_label.setBuddy(self.days)
        form = QFormLayout()
        form.addRow(self.days_label, with_message(self.days, self.messages.label_for("reminders")))
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_reminders")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(button_row(self.save_button))
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.track(self.days)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.intro.setText(tr(
            "Chaque échéance (relevé à transmettre dans les 3 ans, art. 15 ; contestation d'un refus dans les "
            "6 mois, art. 32 à 35 ; considération spéciale, T8) est rappelée ce nombre de jours avant son "
            "dernier jour, et le jour même avec 0."
        ))
        self.days_label.setText(tr("&Rappels (jours avant l'échéance)"))
        self.save_button.setText(tr("Enregistrer (Entrée)"))

    def load(self) -> None:
        self.days.setText(", ".join(str(days) for days in self.read(load_preferences).reminders))
        self.remember_stored()

    def save(self) -> None:
        values, problems = self.messages.read({"reminders": self.days})
        if problems:
            self.messages.show(problems)
            return
        saved = self.change_preferences(lambda preferences: replace(preferences, reminders=values["reminders"]),
                                        "reminders")
        if saved is not None:
            self.load()
            self.done(tr("Rappels enregistrés."))
