"""Paramètres, Jours fériés ajoutés: the days fixed by proclamation or order of the Government
(CPP art. 18 (11)) or a closed courthouse, added to the holidays every deadline already skips."""

from PySide6.QtWidgets import QLabel, QLineEdit

from lawyer_billing.domain.formatting import format_date
from lawyer_billing.services.profile import AddedHoliday, add_holiday, added_holidays, remove_holiday
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets.fields import DateField, with_message
from lawyer_billing.ui.widgets.settings_dated_list import DatedListSection


class HolidaysSection(DatedListSection):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, columns=2, parent=parent)
        self.day = DateField(context.today)
        self.day.setObjectName("day")
        self.label = QLineEdit()
        self.label.setObjectName("label")
        self.labels = {"day": QLabel(), "label": QLabel()}
        for name, field in (("day", self.day), ("label", self.label)):
            self.labels[name].setBuddy(field)
            self.form.addRow(self.labels[name], with_message(field, self.messages.label_for(name)))
        self.track(self.day, self.label)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.intro.setText(tr(
            "Les jours non juridiques de l'art. 18 du Code de procédure pénale (dimanches, 1er et 2 janvier, "
            "Vendredi saint, lundi de Pâques, Journée nationale des patriotes, 24 juin, 1er juillet, fête du "
            "Travail, Action de grâces, 25 et 26 décembre) et les samedis sont déjà comptés dans chaque délai. "
            "Ajoutez ici tout autre jour fixé par proclamation ou décret du gouvernement (art. 18, 11°) : un "
            "délai qui finirait ce jour-là est reporté au jour juridique suivant."
        ))
        self.empty.setText(tr("Aucun jour ajouté."))
        self.table.setHorizontalHeaderLabels([tr("Jour"), tr("Motif")])
        self.remove_button.setText(tr("Retirer le jour choisi (Suppr)"))
        self.form_title.setText(tr("Ajouter un jour"))
        self.labels["day"].setText(tr("&Jour"))
        self.labels["label"].setText(tr("&Motif"))
        self.label.setPlaceholderText(tr("ex. jour de fête publique fixé par décret"))
        self.add_button.setText(tr("Ajouter le jour (Entrée)"))
        self.show_entries(self.shown_entries())

    def cells(self, entry: AddedHoliday) -> list[str]:
        return [format_date(entry.day, self.context.language), entry.label]

    def day_of(self, entry: AddedHoliday):
        return entry.day

    def entries(self, uow) -> list[AddedHoliday]:
        return added_holidays(uow)

    def remove_entry(self, uow, day) -> list[AddedHoliday]:
        return remove_holiday(uow, day, user=self.context.user, now=self.context.now())

    def removal_question(self, entry: AddedHoliday) -> str:
        return tr("Retirer le {} des jours fériés ? Les délais qui finissent ce jour-là ne seront plus "
                  "reportés.").format(format_date(entry.day, self.context.language))

    def save(self) -> None:
        values, problems = self.messages.read({"day": self.day})
        if problems:
            self.messages.show(problems)
            return
        holiday = AddedHoliday(values["day"], self.label.text())
        added = self.run(lambda uow: add_holiday(uow, holiday, user=self.context.user, now=self.context.now()))
        if added is not None:
            self.load()
            self.done(tr("Jour ajouté : {}.").format(" — ".join(self.cells(added))))
