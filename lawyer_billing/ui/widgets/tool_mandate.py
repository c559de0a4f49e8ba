"""The mandate a tool is used for: typed by client or number (completed as « client —
numéro »), it fills the tool's fields with the client, the court file, the court and the
district, so nothing is copied by hand. Optional: every tool also works without one."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from lawyer_billing.domain.mandate import Mandate
from lawyer_billing.services.mandates import list_mandates
from lawyer_billing.services.work_log import stored_mandate
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.mandates import MandateChoicesModel
from lawyer_billing.ui.widgets.completers import MandateCompleter
from lawyer_billing.ui.widgets.retranslating import Retranslating


class MandateChooser(Retranslating, QWidget):
    #: the mandate chosen (a ``Mandate``), or ``None`` when the field is emptied
    chosen = Signal(object)

    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.mandate: Mandate | None = None
        self.label = QLabel()
        self.field = QLineEdit()
        self.field.setObjectName("mandate")
        self.field.setClearButtonEnabled(True)
        self.label.setBuddy(self.field)
        self.choices = MandateChoicesModel(self)
        self.completer = MandateCompleter(self.field, self.choices)
        self.completer.activated[str].connect(self._resolve)
        self.field.returnPressed.connect(self._resolve)
        self.field.textChanged.connect(lambda text: text or self._choose(None))
        self.summary = QLabel()
        self.summary.setObjectName("mandate_summary")
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.field, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        """The mandates as stored now (another screen may have added one)."""
        with self.context.unit_of_work() as uow:
            self.choices.set_mandates(list_mandates(uow))

    def _resolve(self, *_) -> None:
        summary, problem = self.choices.resolve(self.field.text())
        if summary is None:
            self.summary.setText(problem)
            return
        with self.context.unit_of_work() as uow:
            mandate = stored_mandate(uow, summary.id)
        self.field.setText(MandateChoicesModel.text_of(summary))
        self._choose(mandate)

    def _choose(self, mandate: Mandate | None) -> None:
        if mandate is None and self.mandate is None:
            self._describe()
            return
        self.mandate = mandate
        self._describe()
        self.chosen.emit(mandate)

    def _describe(self) -> None:
        mandate = self.mandate
        if mandate is None:
            self.summary.setText(tr("Choisissez un mandat pour remplir les outils avec le client, le tribunal et le "
                                    "dossier ; chaque outil fonctionne aussi sans mandat."))
            return
        parts = [tr("Mandat {}").format(mandate.number), mandate.client_name]
        if mandate.client_file_number:
            parts.append(tr("dossier {}").format(mandate.client_file_number))
        parts += [part for part in (mandate.court, mandate.district) if part]
        self.summary.setText(" · ".join(parts))

    def retranslate(self) -> None:
        self.label.setText(tr("&Mandat"))
        self.field.setPlaceholderText(tr("Client ou numéro du mandat (facultatif)"))
        self._describe()
