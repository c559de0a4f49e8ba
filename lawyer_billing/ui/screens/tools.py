"""Outils: the practitioner's tools that are not billing, for the mandate chosen at the top.

Calcul de la peine (Guide de calcul des peines, MSP, 2022), Délais pénaux (Code de procédure
pénale, computed by art. 17) and Courriel au DPCP (the Montréal prosecutors' negotiation
service). Each tool lives in ``ui/widgets/tool_*.py`` and computes with ``domain/tools``;
choosing a mandate fills what each tool can take from it and from the lawyer's profile.
The tools compute and the lawyer copies; the one thing saved from here is a penal period
followed on the chosen mandate (« Suivre sur le mandat »), and the DPCP e-mail's address and
rooms come from Paramètres.
"""

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from lawyer_billing.domain.mandate import Mandate
from lawyer_billing.services.profile import load_profile
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets.screen_base import ScreenBase
from lawyer_billing.ui.widgets.tool_dpcp_email import DpcpEmailTool
from lawyer_billing.ui.widgets.tool_mandate import MandateChooser
from lawyer_billing.ui.widgets.tool_penal_deadlines import PenalDeadlinesTool
from lawyer_billing.ui.widgets.tool_sentence import SentenceTool

TITLE = "Outils"


class Screen(ScreenBase):
    def __init__(self, context: AppContext) -> None:
        super().__init__(context, stale=False)
        self.mandate = MandateChooser(context)
        self.sentence = SentenceTool(context)
        self.penal_deadlines = PenalDeadlinesTool(context)
        self.dpcp_email = DpcpEmailTool(context)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tools_tabs")
        for tool in (self.sentence, self.penal_deadlines, self.dpcp_email):
            self.tabs.addTab(tool, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.mandate)
        layout.addWidget(self.tabs, 1)
        self.mandate.chosen.connect(self.prefill)
        self.retranslate()
        self.prefill(None)

    def show_tool(self, name: str) -> QWidget:
        tool = getattr(self, name)
        self.tabs.setCurrentWidget(tool)
        return tool

    def prefill(self, mandate: Mandate | None) -> None:
        with self.context.unit_of_work() as uow:
            profile = load_profile(uow)
        self.sentence.prefill(mandate)
        self.penal_deadlines.prefill(mandate)
        self.dpcp_email.prefill(mandate, profile)

    def retranslate(self) -> None:
        for index, title in enumerate((tr("Calcul de la peine"), tr("Délais pénaux"), tr("Courriel au DPCP"))):
            self.tabs.setTabText(index, title)

    def refresh(self) -> None:
        """Shown again after another screen saved: new mandates to choose, new holidays to skip,
        the DPCP's address and rooms as set in Paramètres."""
        if not self.stale:
            return
        self.stale = False
        self.mandate.reload()
        self.penal_deadlines.show_deadlines()
        self.dpcp_email.load_settings()
