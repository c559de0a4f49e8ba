"""Paramètres, Profil: the lawyer as the relevé's letterhead shows them, and the office's
district that decides how travel is paid (art. 20)."""

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout

from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.services.profile import load_profile, save_profile
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets.fields import with_message
from lawyer_billing.ui.widgets.settings_section import SettingsSection, button_row, explanation
from lawyer_billing.ui.widgets.typed_text import typed_text

#: the fields of ``LawyerProfile`` in the order of the form (and of the tab key)
FIELDS = ("name", "address", "barreau_number", "csj_number", "office_district", "gst_number", "qst_number")


class ProfileSection(SettingsSection):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.intro = explanation()
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for name in FIELDS:
            field = QPlainTextEdit() if name == "address" else QLineEdit()
            field.setObjectName(name)
            if name == "address":
                field.setTabChangesFocus(True)
                field.setFixedHeight(4 * field.fontMetrics().lineSpacing() + 12)
            self.fields[name] = field
            self.labels[name] = QLabel()
            self.labels[name].setBuddy(field)
            form.addRow(self.labels[name], with_message(field, self.messages.label_for(name)))
        # examples that read the same in both languages
        self.fields["name"].setPlaceholderText("Me Anne Tremblay")
        self.fields["gst_number"].setPlaceholderText("123456789 RT 0001")
        self.fields["qst_number"].setPlaceholderText("1234567890 TQ 0001")
        self.taxes = explanation()
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_profile")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.taxes)
        layout.addLayout(button_row(self.save_button))
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.track(*self.fields.values())
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.intro.setText(tr("Ces renseignements figurent en tête de chaque relevé d'honoraires. Le district "
                              "judiciaire du bureau décide comment les déplacements sont payés (art. 20)."))
        self.labels["name"].setText(tr("&Nom"))
        self.labels["address"].setText(tr("Adr&esse"))
        self.labels["barreau_number"].setText(tr("N° du &Barreau"))
        self.labels["csj_number"].setText(tr("N° à la &CSJ"))
        self.labels["office_district"].setText(tr("&District du bureau"))
        self.labels["gst_number"].setText(tr("N° de &TPS"))
        self.labels["qst_number"].setText(tr("N° de T&VQ"))
        self.fields["office_district"].setPlaceholderText(tr("ex. Montréal"))
        self.taxes.setText(tr("Laissez les numéros de TPS et de TVQ vides si vous n'êtes pas inscrit : le relevé "
                              "n'ajoute alors pas les taxes."))
        self.save_button.setText(tr("Enregistrer le profil (Entrée)"))

    def load(self) -> None:
        self.show_profile(self.read(load_profile))

    def show_profile(self, profile: LawyerProfile) -> None:
        for name, field in self.fields.items():
            text = getattr(profile, name) or ""
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(text)
            else:
                field.setText(text)
        self.remember_stored()

    def typed_profile(self) -> LawyerProfile:
        return LawyerProfile(**{
            name: typed_text(field) if isinstance(field, QPlainTextEdit) else field.text()
            for name, field in self.fields.items()
        })

    def save(self) -> None:
        profile = self.typed_profile()
        saved = self.run(lambda uow: save_profile(uow, profile, user=self.context.user, now=self.context.now()))
        if saved is not None:
            self.show_profile(saved)
            self.done(tr("Profil enregistré."))
