"""Paramètres, Modèles de lettres: the lawyer's wording of each letter of the entente, in
French and in English, checked before it is kept, with the shipped wording one click away."""

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from lawyer_billing.domain.letters import LANGUAGES, LetterKind
from lawyer_billing.services.letter_templates import (
    LetterTemplate,
    letter_template,
    restore_shipped_template,
    save_template,
)
from lawyer_billing.ui.i18n import LANGUAGES as LANGUAGE_NAMES
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets import settings_section
from lawyer_billing.ui.widgets.fields import with_message
from lawyer_billing.ui.widgets.settings_section import SettingsSection, button_row, explanation
from lawyer_billing.ui.widgets.typed_text import typed_text


class LettersSection(SettingsSection):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.template: LetterTemplate | None = None
        self.intro = explanation()
        self.letter = QComboBox()
        self.letter.setObjectName("letter")
        for kind in LetterKind:
            self.letter.addItem("", kind)
        self.language = QComboBox()
        self.language.setObjectName("letter_language")
        for language in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[language], language)
        self.text = QPlainTextEdit()
        self.text.setObjectName("template")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setMinimumHeight(260)
        self.state = QLabel()
        self.state.setObjectName("template_state")
        self.values = QLabel()
        self.values.setObjectName("template_values")
        self.values.setWordWrap(True)
        self.values.setStyleSheet("color: palette(placeholder-text);")
        self.labels = {name: QLabel() for name in ("letter", "letter_language", "template")}
        form = QFormLayout()
        for name, field in (("letter", self.letter), ("letter_language", self.language)):
            self.labels[name].setBuddy(field)
            form.addRow(self.labels[name], field)
        self.labels["template"].setBuddy(self.text)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_template")
        self.save_button.clicked.connect(self.save)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restore_template")
        self.restore_button.clicked.connect(self.restore)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.labels["template"])
        layout.addWidget(with_message(self.text, self.messages.label_for("template")), 1)
        layout.addWidget(self.state)
        layout.addWidget(self.values)
        layout.addLayout(button_row(self.save_button, self.restore_button))
        layout.addWidget(self.status)
        self.track(self.text)
        self._shown = (self.letter.currentIndex(), self.language.currentIndex())
        self.letter.currentIndexChanged.connect(self._switch)
        self.language.currentIndexChanged.connect(self._switch)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.intro.setText(tr(
            "Adaptez le texte de chaque lettre. La première ligne est l'objet ; les paragraphes sont séparés par "
            "une ligne vide ; une valeur s'écrit $nom (écrivez $$ pour un dollar). Ctrl+Entrée enregistre."
        ))
        for index, kind in enumerate(LetterKind):
            title = kind.title_fr if self.context.language == "fr" else kind.title_en
            self.letter.setItemText(index, f"{title} ({kind.article})")
        self.labels["letter"].setText(tr("Le&ttre"))
        self.labels["letter_language"].setText(tr("Langue de la &lettre"))
        self.labels["template"].setText(tr("&Modèle"))
        self.save_button.setText(tr("Enregistrer le modèle (Ctrl+Entrée)"))
        self.restore_button.setText(tr("Rétablir le modèle d'origine"))
        if self.template is not None:
            self._describe(self.template)

    def _chosen(self) -> tuple[LetterKind, str]:
        return self.letter.currentData(), self.language.currentData()

    def load(self) -> None:
        kind, language = self._chosen()
        self.show_template(self.read(lambda uow: letter_template(uow, kind, language)))

    def show_template(self, template: LetterTemplate) -> None:
        self.template = template
        self.text.setPlainText(template.text)
        self.remember_stored()
        self._describe(template)

    def _describe(self, template: LetterTemplate) -> None:
        self.state.setText(tr("Modèle adapté par le cabinet.") if template.adjusted
                           else tr("Modèle d'origine, livré avec l'application."))
        self.restore_button.setEnabled(template.adjusted)
        self.values.setText(tr("Valeurs possibles : {}").format(", ".join(f"${name}" for name in template.allowed)))

    def _switch(self) -> None:
        """Another letter or language: what was typed is not dropped without asking."""
        if self.has_unsaved_changes() and not settings_section.ask(
                self, tr("Modèle non enregistré"), tr("Le modèle modifié n'est pas enregistré. L'abandonner ?")):
            for combo, index in zip((self.letter, self.language), self._shown):
                combo.blockSignals(True)
                combo.setCurrentIndex(index)
                combo.blockSignals(False)
            return
        self._shown = (self.letter.currentIndex(), self.language.currentIndex())
        self.messages.clear()
        self.status.clear()
        self.load()

    def save(self) -> None:
        kind, language = self._chosen()
        text = typed_text(self.text)
        saved = self.run(lambda uow: save_template(uow, kind, language, text, user=self.context.user,
                                                   now=self.context.now()))
        if saved is not None:
            self.show_template(saved)
            self.done(tr("Modèle enregistré."))

    def restore(self) -> None:
        kind, language = self._chosen()
        if not settings_section.ask(self, tr("Rétablir le modèle d'origine"), tr(
                "Remplacer votre version de cette lettre par le modèle livré avec l'application ?")):
            return
        restored = self.run(lambda uow: restore_shipped_template(uow, kind, language, user=self.context.user,
                                                                 now=self.context.now()))
        if restored is not None:
            self.show_template(restored)
            self.done(tr("Modèle d'origine rétabli."))
