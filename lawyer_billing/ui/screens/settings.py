"""Paramètres: what the lawyer sets once, one tab per subject.

Profil (the relevé's letterhead, the office's district), Taux au kilomètre (art. 20), Jours
fériés ajoutés (CPP art. 18), Plafond annuel (art. 22), Rappels, Langue, Sauvegardes and
Modèles de lettres (the lawyer's wording of the entente's letters) and Service de
négociation du DPCP (tab « Négociation DPCP »: the address and rooms of the Outils' e-mail). Each
tab is a section of ``ui/widgets/settings_*.py`` that saves through a service; a section with
changes not yet saved keeps them when another tab or screen is shown, and the main window asks
before closing.
"""

from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets.screen_base import ScreenBase
from lawyer_billing.ui.widgets.settings_backups import BackupsSection
from lawyer_billing.ui.widgets.settings_cap import CapSection
from lawyer_billing.ui.widgets.settings_dpcp import DpcpSection
from lawyer_billing.ui.widgets.settings_holidays import HolidaysSection
from lawyer_billing.ui.widgets.settings_km_rates import KmRatesSection
from lawyer_billing.ui.widgets.settings_language import LanguageSection
from lawyer_billing.ui.widgets.settings_letters import LettersSection
from lawyer_billing.ui.widgets.settings_profile import ProfileSection
from lawyer_billing.ui.widgets.settings_reminders import RemindersSection

TITLE = "Paramètres"
#: a form wider than this is harder to read than to scroll
SECTION_WIDTH = 880


class Screen(ScreenBase):
    def __init__(self, context: AppContext) -> None:
        super().__init__(context, stale=False)
        self.sections = {
            "profile": ProfileSection(context),
            "km_rates": KmRatesSection(context),
            "holidays": HolidaysSection(context),
            "cap": CapSection(context),
            "reminders": RemindersSection(context),
            "language": LanguageSection(context),
            "backups": BackupsSection(context),
            "letters": LettersSection(context),
            "dpcp": DpcpSection(context),
        }
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        for name, section in self.sections.items():
            section.setObjectName(f"section_{name}")
            section.setMaximumWidth(SECTION_WIDTH)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setWidget(section)
            self.tabs.addTab(scroll, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()

    def show_section(self, name: str) -> QWidget:
        self.tabs.setCurrentIndex(list(self.sections).index(name))
        return self.sections[name]

    def retranslate(self) -> None:
        titles = (tr("Profil"), tr("Taux au kilomètre"), tr("Jours fériés ajoutés"), tr("Plafond annuel"),
                  tr("Rappels"), tr("Langue"), tr("Sauvegardes"), tr("Modèles de lettres"),
                  tr("Négociation DPCP"))
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)

    def refresh(self) -> None:
        """Shown again after another screen saved: reload the sections the lawyer is not editing."""
        if not self.stale:
            return
        self.stale = False
        for section in self.sections.values():
            if not getattr(section, "has_unsaved_changes", lambda: False)():
                section.load()

    def has_unsaved_changes(self) -> bool:
        return any(getattr(section, "has_unsaved_changes", lambda: False)() for section in self.sections.values())
