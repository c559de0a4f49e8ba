"""Paramètres, Profil: the lawyer as the relevé's letterhead shows them, and the office's
district that decides how travel is paid (art. 20).

The logo is not a field typed and then saved with the profile: choosing an image stores it at
once (the service checks it and says why one is refused), and removing it likewise, without
touching the texts being typed."""

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.validation import FieldProblem, InvalidRecord
from lawyer_billing.services.profile import load_profile, remove_logo, save_profile, set_logo
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets import settings_section
from lawyer_billing.ui.widgets.fields import with_message
from lawyer_billing.ui.widgets.settings_section import SettingsSection, boxed, button_row, explanation
from lawyer_billing.ui.widgets.typed_text import typed_text

#: the fields of ``LawyerProfile`` in the order of the form (and of the tab key)
FIELDS = ("name", "address", "barreau_number", "csj_number", "office_district", "gst_number", "qst_number")
#: the largest preview of the logo, in pixels: about the logo's height on the printed relevé
PREVIEW = QSize(160, 60)


def choose_logo_file(parent: QWidget) -> Path | None:
    """The image file the lawyer picks; ``None`` when the dialog is closed without a choice."""
    chosen, _ = QFileDialog.getOpenFileName(parent, tr("Logo de l'en-tête"), str(Path.home()),
                                            tr("Images PNG ou JPEG (*.png *.jpg *.jpeg)"))
    return Path(chosen) if chosen else None


def preview_pixmap(data: bytes | None) -> QPixmap:
    """The logo at most ``PREVIEW`` in size, never enlarged; an empty pixmap without a logo."""
    pixmap = QPixmap()
    if not data or not pixmap.loadFromData(data):
        return QPixmap()
    if pixmap.width() > PREVIEW.width() or pixmap.height() > PREVIEW.height():
        pixmap = pixmap.scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    return pixmap


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
        # the taxes' explanation under their fields, before the logo
        self.taxes = explanation()
        form.addRow(self.taxes)
        self.labels["logo"] = QLabel()
        form.addRow(self.labels["logo"], with_message(self.logo_row(), self.messages.label_for("logo")))
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_profile")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addLayout(button_row(self.save_button))
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.track(*self.fields.values())
        self.retranslate()
        self.load()

    def logo_row(self) -> QWidget:
        """The preview, the file's name, and the buttons that change the logo."""
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logo_preview")
        self.logo_preview.setFixedSize(PREVIEW)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid palette(mid); background: white;")
        self.logo_name = QLabel()
        self.logo_name.setObjectName("logo_name")
        self.logo_name.setTextFormat(Qt.TextFormat.PlainText)
        self.logo_hint = explanation()
        self.choose_logo_button = QPushButton()
        self.choose_logo_button.setObjectName("choose_logo")
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton()
        self.remove_logo_button.setObjectName("remove_logo")
        self.remove_logo_button.clicked.connect(self.clear_logo)
        self.labels["logo"].setBuddy(self.choose_logo_button)
        text = QVBoxLayout()
        text.addWidget(self.logo_name)
        text.addWidget(self.logo_hint)
        text.addLayout(button_row(self.choose_logo_button, self.remove_logo_button))
        row = QHBoxLayout()
        row.addWidget(self.logo_preview, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.shown_logo_name = ""
        return boxed(row)

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
        self.labels["logo"].setText(tr("&Logo"))
        self.logo_hint.setText(tr("Image PNG ou JPEG de 2 Mo au plus, imprimée en haut à droite des relevés et des "
                                  "lettres, réduite à 5 cm sur 2,2 cm au plus."))
        self.choose_logo_button.setText(tr("Choisir une image…"))
        self.remove_logo_button.setText(tr("Retirer le logo"))
        self.show_logo_name()
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
        self.show_logo(profile)
        self.remember_stored()

    def show_logo(self, profile: LawyerProfile) -> None:
        self.logo_preview.setPixmap(preview_pixmap(profile.logo))
        self.shown_logo_name = profile.logo_name if profile.logo else ""
        self.show_logo_name()
        self.remove_logo_button.setEnabled(bool(profile.logo))

    def show_logo_name(self) -> None:
        self.logo_name.setText(self.shown_logo_name or tr("Aucun logo : les relevés et les lettres sont imprimés "
                                                         "sans image."))

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

    def choose_logo(self) -> None:
        path = choose_logo_file(self)
        if path is None:
            return

        def action(uow) -> LawyerProfile:
            try:
                data = path.read_bytes()
            except OSError as error:
                raise InvalidRecord([FieldProblem(
                    "logo", f"Logo : impossible de lire « {path.name} » ({error.strerror})."
                )]) from None
            return set_logo(uow, data, path.name, user=self.context.user, now=self.context.now())

        saved = self.run(action)
        if saved is not None:
            self.show_logo(saved)
            self.done(tr("Logo enregistré."))

    def clear_logo(self) -> None:
        if not settings_section.ask(self, tr("Retirer le logo"), tr(
                "Retirer le logo ? Les relevés et les lettres seront imprimés sans image.")):
            return
        saved = self.run(lambda uow: remove_logo(uow, user=self.context.user, now=self.context.now()))
        if saved is not None:
            self.show_logo(saved)
            self.done(tr("Logo retiré."))
