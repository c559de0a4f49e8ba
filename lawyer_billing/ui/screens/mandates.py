"""Mandats: every mandate in one list, searched as you type, and the detail of the chosen one
with its work priced by the tariff and its rules.

The list is loaded once (one query, whatever the number of mandates) and filtered in memory;
it is read again when the screen is shown after another screen saved something. A mandate,
a service, a trip or a disbursement is created or changed in a form that takes the whole
screen (Enter saves, Esc goes back, asking first if something was typed). A removed service,
trip or disbursement comes back with Ctrl+Z.

Keyboard: Ctrl+F search, Ctrl+N new mandate, Ctrl+E edit the chosen one, Ctrl+H its history
(every change of it and of its work, with the values before and after), Ctrl+Z put back the
last line removed; in the detail, Insert adds, Enter edits, Delete removes.
"""

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.mandate import Mandate
from lawyer_billing.domain.service import Disbursement, Service, Travel
from lawyer_billing.services.mandates import list_mandates
from lawyer_billing.services.tariff_overlay import current_tariff
from lawyer_billing.services.work_log import delete_work, mandate_of_service, mandate_work, restore_work
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.mandates import MandateFilter, MandateFilterProxy, MandateListModel, filter_labels
from lawyer_billing.ui.operations import attempt
from lawyer_billing.ui.widgets.edit_form import EditForm, discard_typed
from lawyer_billing.ui.widgets.mandate_detail import MandateDetail
from lawyer_billing.ui.widgets.mandate_form import MandateForm, mandate_field_labels, mandate_values
from lawyer_billing.ui.widgets.record_history import RecordHistoryDialog, open_history
from lawyer_billing.ui.widgets.screen_base import ScreenBase
from lawyer_billing.ui.widgets.screen_parts import empty_state_label, record_table
from lawyer_billing.ui.widgets.version_conflict import VersionConflictDialog
from lawyer_billing.ui.widgets.work_forms import DisbursementForm, ServiceForm, TravelForm

TITLE = "Mandats"
#: the list's columns (number, client, court, office, status, issued, ended, services, unbilled)
COLUMN_WIDTHS = (150, 180, 170, 180, 130, 125, 125, 70, 95)


def described(record) -> str:
    """A removed line, as the notice that offers to put it back names it."""
    if isinstance(record, Service):
        return tr("Service {} du {}").format(record.code, record.rendered_on.isoformat())
    if isinstance(record, Travel):
        return tr("Déplacement du {}").format(record.travelled_on.isoformat())
    return tr("Débours du {}").format(record.incurred_on.isoformat())


class Screen(ScreenBase):
    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.tariff = None
        #: the mandate whose detail is shown (read again only when another one becomes current)
        self.shown_id: int | None = None
        self.last_removed = None
        self.conflict: VersionConflictDialog | None = None
        self.history: RecordHistoryDialog | None = None
        self.model = MandateListModel(context.language)
        self.proxy = MandateFilterProxy()
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search)
        self.filters = QButtonGroup(self)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.search, 1)
        for chosen in MandateFilter:
            button = QToolButton()
            button.setObjectName(f"filter_{chosen.name.lower()}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setChecked(chosen is MandateFilter.ALL)
            self.filters.addButton(button)
            button.toggled.connect(lambda on, chosen=chosen: on and self._filter(chosen))
            filter_row.addWidget(button)
        self.filter_buttons = dict(zip(MandateFilter, self.filters.buttons()))
        self.new_button = QPushButton()
        self.new_button.setObjectName("new_mandate")
        self.new_button.clicked.connect(self.new_mandate)
        self.history_button = QPushButton()
        self.history_button.setObjectName("mandate_history")
        self.history_button.clicked.connect(self.show_history)
        filter_row.addWidget(self.history_button)
        filter_row.addWidget(self.new_button)

        self.table = record_table("mandates", self.proxy, 5, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current(force=False))
        self.count = QLabel()
        self.count.setObjectName("count")

        self.empty = empty_state_label("empty_state")
        self.detail = MandateDetail(context)
        self.detail.edit_requested.connect(self.edit_mandate)
        self.detail.end_requested.connect(self.end_mandate)
        self.detail.add_requested.connect(self.add_work)
        self.detail.edit_record_requested.connect(self.edit_work)
        self.detail.delete_requested.connect(self.remove_work)
        self.detail.open_statement.connect(lambda statement: context.events.open_record.emit("statement", statement))
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.empty)
        self.detail_stack.addWidget(self.detail)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filter_row)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        self.mandate_form = MandateForm(context)
        self.mandate_form.conflict.connect(self._resolve_conflict)
        self.service_form = ServiceForm(context, self._tariff)
        self.travel_form = TravelForm(context)
        self.disbursement_form = DisbursementForm(context)
        self.forms: dict[type, EditForm] = {Service: self.service_form, Travel: self.travel_form,
                                            Disbursement: self.disbursement_form}
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        for form in (self.mandate_form, *self.forms.values()):
            form.saved.connect(self._saved)
            form.cancelled.connect(self._back)
            self.pages.addWidget(form)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        for keys, action in ((QKeySequence.StandardKey.Find, self._focus_search),
                             (QKeySequence.StandardKey.New, self.new_mandate),
                             (QKeySequence("Ctrl+E"), self.edit_mandate),
                             (QKeySequence("Ctrl+H"), self.show_history),
                             (QKeySequence.StandardKey.Undo, self.undo_removal)):
            QShortcut(keys, self, action, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()

    # -- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.stale:
            self.reload()
        focused = QApplication.focusWidget()
        if self.pages.currentWidget() is self.splitter and (focused is None or not self.isAncestorOf(focused)):
            (self.table if self.model.rowCount() else self.new_button).setFocus()

    def _tariff(self):
        if self.tariff is None:
            with self.context.unit_of_work() as uow:
                self.tariff = current_tariff(uow)
        return self.tariff

    def reload(self, select: int | None = None) -> None:
        """Read the list again, keeping (or choosing) the selected mandate."""
        chosen = select if select is not None else self.current_id()
        with self.context.unit_of_work() as uow:
            summaries = list_mandates(uow)
        self.tariff = None
        self.stale = False
        self.model.set_records(summaries)
        header = self.table.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        if chosen is None or not self.select_mandate(chosen):
            if self.proxy.rowCount():
                self.table.selectRow(0)
            self._show_current()
        self._count()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.proxy.record(index.row()).id if index.isValid() else None

    def select_mandate(self, mandate_id: int) -> bool:
        row = self.model.row_of_id(mandate_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():  # hidden by the search or the filter: show everything
            self.search.clear()
            self.filter_buttons[MandateFilter.ALL].setChecked(True)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        self._show_current()
        return True

    def _show_current(self, force: bool = True) -> None:
        """Show the current mandate's detail; unless ``force``d, only when another mandate became
        current: a search that keeps the same mandate selected must not read it again at every
        keystroke (the detail prices the mandate with its neighbours)."""
        mandate_id = self.current_id()
        self.history_button.setEnabled(mandate_id is not None)
        if mandate_id is None:
            self.shown_id = None
            self.detail_stack.setCurrentWidget(self.empty)
            self.empty.setText(self._empty_text())
            return
        if not force and mandate_id == self.shown_id and self.detail_stack.currentWidget() is self.detail:
            return
        self.shown_id = mandate_id
        with self.context.unit_of_work() as uow:
            work = mandate_work(uow, mandate_id, self.context.today(), self._tariff())
        if work is None:
            self.reload()
            return
        self.detail.show_work(work)
        self.detail.set_status(self.proxy.record(self.table.currentIndex().row()).status)
        self.detail_stack.setCurrentWidget(self.detail)

    def _empty_text(self) -> str:
        if self.model.rowCount() == 0:
            return tr("<h3>Aucun mandat pour l'instant</h3>"
                      "<p>Pour commencer :</p>"
                      "<ol><li>Remplissez votre profil dans <b>Paramètres</b> (nom, numéro du Barreau, district "
                      "du bureau) : il figure sur vos relevés et sert au calcul des déplacements.</li>"
                      "<li>Créez votre premier mandat avec le bouton <b>Nouveau mandat</b> (Ctrl+N), à partir de "
                      "l'attestation d'admissibilité.</li>"
                      "<li>Notez ensuite vos présences à la cour dans <b>Journée d'audience</b>.</li></ol>")
        if self.proxy.rowCount() == 0:
            return tr("Aucun mandat ne correspond à la recherche ou au filtre.")
        return tr("Choisissez un mandat dans la liste pour voir ses services, ses relevés et ses échéances.")

    def _count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(tr("{} mandats").format(total) if shown == total
                           else tr("{} mandats sur {}").format(shown, total))

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._after_filter()

    def _filter(self, chosen: MandateFilter) -> None:
        self.proxy.set_filter(chosen)
        self._after_filter()

    def _after_filter(self) -> None:
        self._count()
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_current(force=False)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- records from elsewhere -------------------------------------------------------------

    def open_record(self, kind: str, record_id: int) -> bool:
        if not self._leave_form():
            return False
        if self.stale or self.model.rowCount() == 0:
            self.reload()
        if kind == "service":
            with self.context.unit_of_work() as uow:
                mandate_id = mandate_of_service(uow, record_id)
            return mandate_id is not None and self.select_mandate(mandate_id) and self.detail.select("service", record_id)
        return kind == "mandate" and self.select_mandate(record_id)

    def has_unsaved_changes(self) -> bool:
        form = self.pages.currentWidget()
        return isinstance(form, EditForm) and form.has_unsaved_changes()

    def _leave_form(self) -> bool:
        if self.has_unsaved_changes() and not discard_typed(self):
            return False
        self.pages.setCurrentWidget(self.splitter)
        return True

    # -- mandates -----------------------------------------------------------------------------

    def _open(self, form: EditForm) -> None:
        self.detail.show_notice("")
        self.pages.setCurrentWidget(form)

    def new_mandate(self) -> None:
        if self.pages.currentWidget() is not self.splitter:
            return
        self.mandate_form.load(None)
        self._open(self.mandate_form)

    def _current_mandate(self) -> Mandate | None:
        work = self.detail.work
        return work.mandate if work is not None and self.current_id() == work.mandate.id else None

    def edit_mandate(self) -> None:
        mandate = self._current_mandate()
        if mandate is None or self.pages.currentWidget() is not self.splitter:
            return
        self.mandate_form.load(mandate)
        self._open(self.mandate_form)

    def end_mandate(self) -> None:
        self.edit_mandate()
        if self.pages.currentWidget() is self.mandate_form:
            self.mandate_form.begin_end()

    def show_history(self) -> None:
        """Every change of the chosen mandate and of its services, trips and disbursements."""
        mandate_id = self.current_id()
        if mandate_id is not None and self.pages.currentWidget() is self.splitter:
            self.history = open_history(self, self.context, "mandate", mandate_id)

    def _resolve_conflict(self, mine: Mandate, stored: Mandate) -> None:
        """Both versions side by side; nothing typed is lost whatever the choice."""
        names, language = self.mandate_form.office_names, self.context.language
        self.conflict = VersionConflictDialog(
            mandate_field_labels(), mandate_values(stored, names, language), mandate_values(mine, names, language), self)
        self.conflict.keep_mine.connect(lambda: self.mandate_form.keep_mine(stored))
        self.conflict.take_stored.connect(lambda: self.mandate_form.take_stored(stored))
        self.conflict.open()

    # -- services, trips, disbursements --------------------------------------------------------

    def add_work(self, kind: str) -> None:
        mandate = self._current_mandate()
        if mandate is None:
            return
        form = {"service": self.service_form, "travel": self.travel_form, "disbursement": self.disbursement_form}[kind]
        form.load(mandate)
        self._open(form)

    def edit_work(self, record) -> None:
        mandate = self._current_mandate()
        form = self.forms.get(type(record))
        if mandate is None or form is None:
            return
        form.load(mandate, record)
        self._open(form)

    def remove_work(self, record) -> None:
        def remove():
            with self.context.unit_of_work() as uow:
                delete_work(uow, record, user=self.context.user, now=self.context.now())
            return record

        if attempt(self, remove) is None:
            return
        self.last_removed = record
        self.context.events.changed.emit("service")
        self.reload()
        self.detail.show_notice(tr("{} supprimé. Ctrl+Z pour le remettre.").format(described(record)))

    def undo_removal(self) -> None:
        record = self.last_removed
        if record is None or self.pages.currentWidget() is not self.splitter:
            return

        def restore():
            with self.context.unit_of_work() as uow:
                return restore_work(uow, record, user=self.context.user, now=self.context.now())

        restored = attempt(self, restore)
        if restored is None:
            return
        self.last_removed = None
        self.context.events.changed.emit("service")
        self.reload(select=restored.mandate_id)
        self.detail.select({Service: "service", Travel: "travel", Disbursement: "disbursement"}[type(restored)],
                           restored.id)
        self.detail.show_notice(tr("{} remis.").format(described(restored)))

    # -- after a form ---------------------------------------------------------------------------

    def _saved(self, record) -> None:
        self.pages.setCurrentWidget(self.splitter)
        mandate_id = record.id if isinstance(record, Mandate) else record.mandate_id
        self.reload(select=mandate_id)
        kinds = {Service: "service", Travel: "travel", Disbursement: "disbursement"}
        if type(record) in kinds:
            self.detail.select(kinds[type(record)], record.id)
            self.detail.tables[kinds[type(record)]].setFocus()
        else:
            self.table.setFocus()

    def _back(self) -> None:
        """Back to the list, the detail read again (another workstation may have saved it)."""
        self.pages.setCurrentWidget(self.splitter)
        self._show_current()
        self.table.setFocus()

    # -- texts ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(tr("Rechercher : client, numéro, cour, bureau, état (Ctrl+F)"))
        for chosen, label in filter_labels().items():
            self.filter_buttons[chosen].setText(label)
        self.new_button.setText(tr("Nouveau mandat (Ctrl+N)"))
        self.history_button.setText(tr("Historique…"))
        self.history_button.setToolTip(tr("Chaque modification du mandat et de ses services, déplacements et débours, "
                                          "avec les valeurs avant et après (Ctrl+H)."))
        self.model.retranslate(self.context.language)
        self._count()
        if self.detail_stack.currentWidget() is self.empty:
            self.empty.setText(self._empty_text())
