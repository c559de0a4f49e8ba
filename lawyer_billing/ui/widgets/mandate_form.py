"""The form that creates, edits and ends a mandate.

Its end (date, reason and, for a judgment, the judgment date) starts the 3-year period to send
the statement (art. 15), so the form says so beside those fields. A save refused because
another workstation changed the mandate in the meantime does not lose what was typed: the
form emits ``conflict`` with both versions, and the screen lets the user keep theirs (saved
over the new version) or take the stored one.
"""

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.formatting import format_date
from lawyer_billing.domain.mandate import EndReason, LegalAidOffice, Mandate, MatterType
from lawyer_billing.services.mandates import add_office, offices, save_mandate
from lawyer_billing.services.work_log import stored_mandate
from lawyer_billing.storage.errors import ConcurrentEditError
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.operations import attempt
from lawyer_billing.ui.widgets.choice_labels import chosen, end_reasons, fill_combo, matter_types, select_value
from lawyer_billing.ui.widgets.edit_form import EditForm
from lawyer_billing.ui.widgets.fields import DateField, FieldMessages
from lawyer_billing.ui.widgets.typed_text import typed_text

DATES = ("issued_on", "aid_ceased_on", "ended_on", "judgment_on")


def mandate_field_labels() -> dict[str, str]:
    """The label of each field of a mandate, in the order the form shows them."""
    return {
        "number": tr("Numéro du mandat"),
        "client_name": tr("Client"),
        "client_file_number": tr("Dossier du client"),
        "matter_type": tr("Matière"),
        "office_id": tr("Bureau d'aide juridique"),
        "court": tr("Cour"),
        "district": tr("District judiciaire"),
        "issued_on": tr("Émis le"),
        "matter": tr("Affaire"),
        "aid_ceased_on": tr("Cessation de l'aide"),
        "notes": tr("Notes"),
        "ended_on": tr("Terminé le"),
        "end_reason": tr("Motif de la fin"),
        "judgment_on": tr("Date du jugement"),
    }


def mandate_values(mandate: Mandate, office_names: dict[int, str], language: str) -> dict[str, str]:
    """Each field of ``mandate`` as the user reads it."""

    def day(value):
        return "" if value is None else format_date(value, language)

    return {
        "number": mandate.number,
        "client_name": mandate.client_name,
        "client_file_number": mandate.client_file_number,
        "matter_type": matter_types().get(mandate.matter_type, ""),
        "office_id": office_names.get(mandate.office_id, ""),
        "court": mandate.court,
        "district": mandate.district,
        "issued_on": day(mandate.issued_on),
        "matter": mandate.matter,
        "aid_ceased_on": day(mandate.aid_ceased_on),
        "notes": mandate.notes,
        "ended_on": day(mandate.ended_on),
        "end_reason": end_reasons().get(mandate.end_reason, ""),
        "judgment_on": day(mandate.judgment_on),
    }


class NewOfficeField(QLineEdit):
    """The name of an office to add; Enter adds it (and does not save the whole form)."""

    add = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add.emit()
            event.accept()
        else:
            super().keyPressEvent(event)


class MandateForm(EditForm):
    #: (what the user typed, the mandate as stored now): another workstation saved it first
    conflict = Signal(object, object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.base: Mandate | None = None
        self.office_names: dict[int, str] = {}
        self.add_field("number", QLineEdit())
        self.add_field("client_name", QLineEdit())
        self.add_field("client_file_number", QLineEdit())
        self.add_field("matter_type", QComboBox())
        self.office = QComboBox()
        self.new_office_button = QPushButton()
        self.new_office_button.setObjectName("new_office")
        self.new_office_button.clicked.connect(self.show_new_office)
        self.new_office = NewOfficeField()
        self.new_office.setObjectName("office_name")
        self.new_office.add.connect(self.add_new_office)
        self.new_office.hide()
        self.add_field("office_id", self._office_row())
        self.fields["office_id"] = self.office
        self._labels["office_id"].setBuddy(self.office)
        self.office_messages = FieldMessages()
        self.office_message = self.office_messages.label_for("name")
        self.form.addRow("", self.office_message)
        self.add_field("court", QLineEdit())
        self.add_field("district", QLineEdit())
        self.add_field("issued_on", DateField(context.today))
        self.add_field("matter", QLineEdit())
        self.add_field("aid_ceased_on", DateField(context.today, optional=True))
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setMaximumHeight(70)
        self.add_field("notes", notes)
        self.end_box = QGroupBox()
        end_form = QFormLayout()
        self.end_help = QLabel()
        self.end_help.setWordWrap(True)
        self.end_help.setStyleSheet("color: palette(mid);")
        end_column = QVBoxLayout(self.end_box)
        end_column.addLayout(end_form)
        end_column.addWidget(self.end_help)
        self.add_field("ended_on", DateField(context.today, optional=True), end_form)
        self.add_field("end_reason", QComboBox(), end_form)
        self.add_field("judgment_on", DateField(context.today, optional=True), end_form)
        side = QVBoxLayout()
        side.addWidget(self.end_box)
        side.addStretch(1)
        self.add_column(side)
        self.fields["office_name"] = self.new_office
        self.retranslate()
        self.mark_clean()

    def _office_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.office, 1)
        layout.addWidget(self.new_office_button)
        layout.addWidget(self.new_office, 1)
        return row

    # -- texts ----------------------------------------------------------------------------

    def field_texts(self) -> dict[str, str]:
        labels = mandate_field_labels()
        labels["number"] += " *"
        labels["client_name"] += " *"
        return labels

    def title_text(self) -> str:
        if self.base is None:
            return tr("Nouveau mandat")
        return tr("Mandat {} — {}").format(self.base.number, self.base.client_name)

    def retranslate(self) -> None:
        super().retranslate()
        fill_combo(self.fields["matter_type"], matter_types)
        fill_combo(self.fields["end_reason"], end_reasons, blank="")
        if self.office.count():
            self.office.setItemText(0, tr("(aucun)"))
        self.new_office_button.setText(tr("Nouveau bureau…"))
        self.new_office.setPlaceholderText(tr("Nom du bureau, puis Entrée"))
        self.fields["number"].setPlaceholderText(tr("ex. 500-01-012345-241"))
        self.fields["matter"].setPlaceholderText(tr("ex. Affaire Gagnon : regroupe les mandats d'une même affaire"))
        self.end_box.setTitle(tr("Fin du mandat"))
        self.end_help.setText(tr("La fin du mandat, ou le jugement, fait courir le délai de 3 ans pour transmettre "
                                 "le relevé d'honoraires (art. 15)."))

    # -- loading --------------------------------------------------------------------------

    def load(self, mandate: Mandate | None) -> None:
        """Show ``mandate`` (``None``: a new one, issued today); what is shown is then clean."""
        self.base = mandate
        self._load_offices()
        fields = self.fields
        shown = mandate or Mandate(number="", client_name="", issued_on=self.context.today(),
                                   matter_type=MatterType.CRIMINAL_PENAL)
        for name in ("number", "client_name", "client_file_number", "court", "district", "matter"):
            fields[name].setText(getattr(shown, name))
        fields["notes"].setPlainText(shown.notes)
        for name in DATES:
            fields[name].set_value(getattr(shown, name))
        select_value(fields["matter_type"], shown.matter_type)
        select_value(fields["end_reason"], shown.end_reason)
        select_value(self.office, shown.office_id)
        self.new_office.clear()
        self.new_office.hide()
        self.new_office_button.show()
        self.office_messages.clear()
        self.title.setText(self.title_text())
        self.mark_clean()
        fields["number" if mandate is None else "client_name"].setFocus()

    def begin_end(self) -> None:
        """Ready to end the mandate: its end date today unless one is there, the cursor on it."""
        ended = self.fields["ended_on"]
        if not ended.text().strip():
            ended.set_value(self.context.today())
        ended.setFocus()
        ended.selectAll()

    def _load_offices(self) -> None:
        with self.context.unit_of_work() as uow:
            known = offices(uow)
        self.office_names = {office.id: office.name for office in known}
        chosen_id = self.office.currentData()
        self.office.clear()
        self.office.addItem(tr("(aucun)"), None)
        for office in known:
            self.office.addItem(office.name, office.id)
        select_value(self.office, chosen_id)

    def show_new_office(self) -> None:
        self.new_office_button.hide()
        self.new_office.show()
        self.new_office.setFocus()

    def add_new_office(self) -> None:
        name = self.new_office.text().strip()
        existing = next((i for i, n in self.office_names.items() if n.casefold() == name.casefold()), None)
        if existing is None:
            def add():
                with self.context.unit_of_work() as uow:
                    return add_office(uow, LegalAidOffice(name=name))

            office = attempt(self, add, self.office_messages)
            if office is None:
                return
            self.context.events.changed.emit("office")
            existing = office.id
            self._load_offices()
        select_value(self.office, existing)
        self.new_office.clear()
        self.new_office.hide()
        self.new_office_button.show()
        self.office.setFocus()

    # -- saving ---------------------------------------------------------------------------

    def record(self) -> Mandate:
        dates = self.read_typed(DATES)
        fields = self.fields
        typed = dict(
            number=fields["number"].text().strip(),
            client_name=fields["client_name"].text().strip(),
            client_file_number=fields["client_file_number"].text().strip(),
            matter_type=chosen(fields["matter_type"], MatterType),
            office_id=self.office.currentData(),
            court=fields["court"].text().strip(),
            district=fields["district"].text().strip(),
            matter=fields["matter"].text().strip(),
            notes=typed_text(fields["notes"]),
            end_reason=chosen(fields["end_reason"], EndReason),
            **dates,
        )
        return Mandate(**typed) if self.base is None else replace(self.base, **typed)

    def save(self, mandate: Mandate) -> Mandate | None:
        try:
            with self.context.unit_of_work() as uow:
                saved = save_mandate(uow, mandate, user=self.context.user, now=self.context.now())
        except ConcurrentEditError:
            with self.context.unit_of_work() as uow:
                stored = stored_mandate(uow, mandate.id)
            if stored is None:
                raise
            self.conflict.emit(mandate, stored)
            return None
        self.base = saved
        self.title.setText(self.title_text())
        self.context.events.changed.emit("mandate")
        return saved

    def keep_mine(self, stored: Mandate) -> None:
        """Save what is typed over the version stored now (the user saw both)."""
        self.base = stored
        self.submit()

    def take_stored(self, stored: Mandate) -> None:
        self.load(stored)
