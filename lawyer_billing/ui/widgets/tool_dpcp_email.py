"""Outils, Courriel au DPCP: the message to the Montréal prosecutors' negotiation service
(notice of 24 November 2020), composed as the fields are filled: the subject with its four
items in the notice's order, the body, and what the reading hours say about sending it now.
The message is in French, the language of the service; it is copied or opened in the mail
program, never sent from here. The address and the two rooms are those of Paramètres
(« Service de négociation du DPCP »), read when the tool is built and again by
``load_settings`` when the Outils are shown after a save."""

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.mandate import Mandate
from lawyer_billing.domain.profile import LawyerProfile, address_lines
from lawyer_billing.domain.tools.dpcp_email import (
    DEFAULT,
    NOTICE,
    DpcpSettings,
    ExitPlan,
    NegotiationEmail,
    NegotiationRequest,
    NegotiationRequestError,
    ProceedingStage,
    Purpose,
    Sitting,
    compose_negotiation_email,
)
from lawyer_billing.domain.typed_input import TypedInputError
from lawyer_billing.services.settings import load_dpcp_settings
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets.choice_labels import fill_combo
from lawyer_billing.ui.widgets.fields import DateField
from lawyer_billing.ui.widgets.retranslating import Retranslating
from lawyer_billing.ui.widgets.typed_text import typed_text

#: the district whose prosecutors run the service
MONTREAL = "montreal"


def open_in_mail_program(url: str) -> None:
    """Hand the ``mailto:`` link to the desktop (tests replace this function)."""
    QDesktopServices.openUrl(QUrl(url))


def stages() -> dict[ProceedingStage, str]:
    return {ProceedingStage.APPEARANCE: tr("Comparution"),
            ProceedingStage.PRO_FORMA_BAIL_HEARING: tr("Enquête sur mise en liberté pro forma")}


def sittings() -> dict[Sitting, str]:
    return {Sitting.MORNING: tr("Avant-midi (lu jusqu'à 9 h 30)"), Sitting.AFTERNOON: tr("Après-midi (lu jusqu'à 12 h)")}


def purposes() -> dict[Purpose, str]:
    return {Purpose.EXIT_PLAN: tr("Plan de sortie"), Purpose.SETTLEMENT_OFFER: tr("Offre de règlement")}


class DpcpEmailTool(Retranslating, QWidget):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.email: NegotiationEmail | None = None
        self.settings: DpcpSettings = DEFAULT
        self.accused_name = QLineEdit()
        self.returns_on = DateField(context.today)
        self.stage = QComboBox()
        self.sitting = QComboBox()
        self.room = QComboBox()
        self.purpose = QComboBox()
        self.case_numbers = QLineEdit()
        self.proposed_address = QLineEdit()
        self.surety = QLineEdit()
        self.conditions = QPlainTextEdit()
        self.conditions.setTabChangesFocus(True)
        self.other_information = QLineEdit()
        self.settlement_proposal = QPlainTextEdit()
        self.settlement_proposal.setTabChangesFocus(True)
        self.lawyer_name = QLineEdit()
        self.lawyer_phone = QLineEdit()
        for name in ("accused_name", "returns_on", "stage", "sitting", "room", "purpose", "case_numbers",
                     "proposed_address", "surety", "conditions", "other_information", "settlement_proposal",
                     "lawyer_name", "lawyer_phone"):
            getattr(self, name).setObjectName(name)
        for box in (self.conditions, self.settlement_proposal):
            box.setFixedHeight(4 * box.fontMetrics().lineSpacing() + 12)

        self.labels: dict[str, QLabel] = {}
        request_form = self._form(("accused_name", "case_numbers", "returns_on", "stage", "sitting", "room", "purpose"))
        self.plan_box = QGroupBox()
        self.plan_box.setLayout(self._form(("proposed_address", "surety", "conditions", "other_information")))
        self.settlement_box = QGroupBox()
        self.settlement_box.setLayout(self._form(("settlement_proposal",)))
        signature = self._form(("lawyer_name", "lawyer_phone"))
        self.district_warning = QLabel()
        self.district_warning.setObjectName("district_warning")
        self.district_warning.setWordWrap(True)
        self.district_warning.setStyleSheet("color: #8a5a00;")
        self.district_warning.hide()
        fields = QWidget()
        left = QVBoxLayout(fields)
        left.addWidget(self.district_warning)
        left.addLayout(request_form)
        left.addWidget(self.plan_box)
        left.addWidget(self.settlement_box)
        left.addLayout(signature)
        left.addStretch(1)

        self.to = QLabel()
        self.to.setObjectName("to")
        self.subject = QLineEdit()
        self.subject.setObjectName("subject")
        self.subject.setReadOnly(True)
        self.body = QPlainTextEdit()
        self.body.setObjectName("body")
        self.body.setReadOnly(True)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.warnings = QLabel()
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #8a5a00;")
        self.copy_subject = QPushButton()
        self.copy_subject.setObjectName("copy_subject")
        self.copy_subject.clicked.connect(lambda: self._copy(self.email.subject))
        self.copy_body = QPushButton()
        self.copy_body.setObjectName("copy_body")
        self.copy_body.clicked.connect(lambda: self._copy(self.email.body))
        self.open_mail = QPushButton()
        self.open_mail.setObjectName("open_mail")
        self.open_mail.clicked.connect(lambda: open_in_mail_program(self.email.mailto_url))
        self.source = QLabel(NOTICE)
        self.source.setStyleSheet("color: palette(placeholder-text);")
        self.subject_label, self.body_label = QLabel(), QLabel()
        self.subject_label.setBuddy(self.subject)
        self.body_label.setBuddy(self.body)
        buttons = QHBoxLayout()
        for button in (self.copy_subject, self.copy_body, self.open_mail):
            buttons.addWidget(button)
        buttons.addStretch(1)
        output = QWidget()
        right = QVBoxLayout(output)
        right.addWidget(self.to)
        right.addWidget(self.subject_label)
        right.addWidget(self.subject)
        right.addWidget(self.body_label)
        right.addWidget(self.body, 1)
        right.addWidget(self.problem)
        right.addWidget(self.warnings)
        right.addLayout(buttons)
        right.addWidget(self.source)

        splitter = QSplitter()
        splitter.addWidget(fields)
        splitter.addWidget(output)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.retranslate()
        for field in (self.accused_name, self.returns_on, self.case_numbers, self.proposed_address, self.surety,
                      self.other_information, self.lawyer_name, self.lawyer_phone):
            field.textChanged.connect(self.compose)
        for box in (self.conditions, self.settlement_proposal):
            box.textChanged.connect(self.compose)
        for combo in (self.stage, self.sitting, self.room, self.purpose):
            combo.currentIndexChanged.connect(self.compose)
        self.returns_on.set_value(context.today())
        self.load_settings()

    def load_settings(self) -> None:
        """The service's address and rooms as set in Paramètres; the room chosen stays chosen
        while it is still one of them."""
        with self.context.unit_of_work() as uow:
            self.settings = load_dpcp_settings(uow)
        chosen = self.room.currentData()
        self.room.blockSignals(True)
        self.room.clear()
        for room in self.settings.rooms:
            self.room.addItem(room, room)
        self.room.setCurrentIndex(max(self.room.findData(chosen), 0))
        self.room.blockSignals(False)
        self.compose()

    def _form(self, names: tuple[str, ...]) -> QFormLayout:
        form = QFormLayout()
        for name in names:
            self.labels[name] = QLabel()
            self.labels[name].setBuddy(getattr(self, name))
            form.addRow(self.labels[name], getattr(self, name))
        return form

    def retranslate(self) -> None:
        texts = {
            "accused_name": tr("&Nom de l'accusé"), "case_numbers": tr("N° de &dossier(s)"),
            "returns_on": tr("Date de &retour"), "stage": tr("É&tape"), "sitting": tr("Mom&ent"),
            "room": tr("Sa&lle"), "purpose": tr("&Objet"), "proposed_address": tr("Adresse proposée"),
            "surety": tr("Caution"), "conditions": tr("Conditions proposées\n(une par ligne)"),
            "other_information": tr("Autres renseignements"), "settlement_proposal": tr("Proposition de règlement"),
            "lawyer_name": tr("Signature"), "lawyer_phone": tr("Téléphone"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.case_numbers.setPlaceholderText("500-01-123456-241, 500-01-123457-241")
        fill_combo(self.stage, stages)
        fill_combo(self.sitting, sittings)
        fill_combo(self.purpose, purposes)
        self.plan_box.setTitle(tr("Plan de sortie proposé"))
        self.settlement_box.setTitle(tr("Offre de règlement"))
        self.subject_label.setText(tr("Ob&jet du courriel"))
        self.body_label.setText(tr("Message (en français, la langue du service)"))
        self.copy_subject.setText(tr("Copier l'objet"))
        self.copy_body.setText(tr("Copier le message"))
        self.open_mail.setText(tr("Ouvrir dans le logiciel de courriel"))
        self.compose()

    def prefill(self, mandate: Mandate | None, profile: LawyerProfile) -> None:
        """The accused, the court files and the signature from the mandate and the profile."""
        if profile.name and not self.lawyer_name.text():
            self.lawyer_name.setText(profile.name)
        if mandate is None:
            self.district_warning.hide()
            return
        self.accused_name.setText(mandate.client_name)
        self.case_numbers.setText(mandate.client_file_number or mandate.number)
        district = mandate.district.strip()
        outside = district and MONTREAL not in district.casefold().replace("é", "e")
        self.district_warning.setVisible(bool(outside))
        self.district_warning.setText(tr("Ce mandat est du district de {} : le service de négociation est celui "
                                         "du DPCP de Montréal.").format(district))

    def request(self) -> NegotiationRequest:
        stage = self.stage.currentData()
        return NegotiationRequest(
            accused_name=self.accused_name.text(),
            returns_on=self.returns_on.value(),
            stage=stage,
            room=self.room.currentData(),
            purpose=self.purpose.currentData(),
            sitting=self.sitting.currentData() if stage is ProceedingStage.APPEARANCE else None,
            case_numbers=tuple(part.strip() for part in self.case_numbers.text().split(",") if part.strip()),
            exit_plan=ExitPlan(
                proposed_address=self.proposed_address.text(),
                surety=self.surety.text(),
                proposed_conditions=address_lines(typed_text(self.conditions)),
                other_information=self.other_information.text(),
            ),
            settlement_proposal=typed_text(self.settlement_proposal),
            lawyer_name=self.lawyer_name.text(),
            lawyer_phone=self.lawyer_phone.text(),
        )

    def compose(self) -> None:
        """Compose again from the fields: the message, or what is missing to write it."""
        stage, purpose = self.stage.currentData(), self.purpose.currentData()
        self.sitting.setEnabled(stage is ProceedingStage.APPEARANCE)
        self.plan_box.setVisible(purpose is Purpose.EXIT_PLAN)
        self.settlement_box.setVisible(purpose is Purpose.SETTLEMENT_OFFER)
        try:
            self.email = compose_negotiation_email(self.request(), self.context.now(), self.settings)
        except (NegotiationRequestError, TypedInputError) as problem:
            self.email = None
            self.problem.setText(str(problem))
        else:
            self.problem.clear()
        ready = self.email is not None
        self.to.setText(tr("À : {}").format(self.settings.address))
        self.subject.setText(self.email.subject if ready else "")
        self.body.setPlainText(self.email.body if ready else "")
        self.warnings.setText("\n".join(w.message_fr for w in self.email.warnings) if ready else "")
        for button in (self.copy_subject, self.copy_body, self.open_mail):
            button.setEnabled(ready)

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
