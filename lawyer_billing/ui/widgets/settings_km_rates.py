"""Paramètres, Taux au kilomètre: the rates of art. 20 the lawyer enters, each from its date,
with its source. None is shipped: no public source gives the Conseil du trésor's figure."""

from decimal import Decimal

from PySide6.QtWidgets import QLabel, QLineEdit

from lawyer_billing.domain.formatting import format_date, format_number
from lawyer_billing.domain.typed_input import parse_number
from lawyer_billing.services.profile import KM_RATE_PLACES, KmRate, add_km_rate, km_rates, remove_km_rate
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets.fields import DateField, TypedField, with_message
from lawyer_billing.ui.widgets.settings_dated_list import DatedListSection
from lawyer_billing.ui.widgets.settings_section import NOTICE_STYLE


def read_rate(text: str) -> Decimal:
    """``0,47``, ``0.470 $``, ``0,47 $/km`` -> ``Decimal``; the service checks the range."""
    return parse_number(text, "un taux", "0,470", units=("/km", "$"))


class KmRatesSection(DatedListSection):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, columns=3, parent=parent)
        self.intro.setStyleSheet(NOTICE_STYLE)
        self.effective_on = DateField(context.today)
        self.effective_on.setObjectName("effective_on")
        self.rate = TypedField(read_rate, "0,470")
        self.rate.setObjectName("rate")
        self.source_note = QLineEdit()
        self.source_note.setObjectName("source_note")
        self.labels = {name: QLabel() for name in ("effective_on", "rate", "source_note")}
        for name, field in (("effective_on", self.effective_on), ("rate", self.rate), ("source_note", self.source_note)):
            self.labels[name].setBuddy(field)
            self.form.addRow(self.labels[name], with_message(field, self.messages.label_for(name)))
        self.track(self.effective_on, self.rate, self.source_note)
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.intro.setText(tr(
            "Aucun taux public n'est fourni avec l'application. L'art. 20 de l'entente paie le kilométrage au "
            "taux des règles du Conseil du trésor sur les frais de déplacement des fonctionnaires, et aucune "
            "source publique consultée ne donne ce taux. Saisissez chaque taux avec la date où il entre en "
            "vigueur et sa source : un déplacement est payé au taux en vigueur à sa date, et sans taux le "
            "relevé vous demande le montant."
        ))
        self.empty.setText(tr("Aucun taux saisi : ajoutez le premier ci-dessous."))
        self.table.setHorizontalHeaderLabels([tr("À compter du"), tr("Taux"), tr("Source")])
        self.remove_button.setText(tr("Retirer le taux choisi (Suppr)"))
        self.form_title.setText(tr("Ajouter un taux"))
        self.labels["effective_on"].setText(tr("En vigueur le"))
        self.labels["rate"].setText(tr("&Taux ($/km)"))
        self.labels["source_note"].setText(tr("&Source"))
        self.source_note.setPlaceholderText(tr("ex. Directive sur les frais remboursables, art. 8, C.T. du …"))
        self.add_button.setText(tr("Ajouter le taux (Entrée)"))
        self.show_entries(self.shown_entries())

    def cells(self, entry: KmRate) -> list[str]:
        language = self.context.language
        return [
            format_date(entry.effective_on, language),
            tr("{} $/km").format(format_number(entry.rate, language, places=KM_RATE_PLACES)),
            entry.source_note,
        ]

    def day_of(self, entry: KmRate):
        return entry.effective_on

    def entries(self, uow) -> list[KmRate]:
        return km_rates(uow)

    def remove_entry(self, uow, day) -> list[KmRate]:
        return remove_km_rate(uow, day, user=self.context.user, now=self.context.now())

    def removal_question(self, entry: KmRate) -> str:
        return tr("Retirer le taux en vigueur à compter du {} ? Les déplacements de cette période "
                  "seront payés au taux précédent, s'il y en a un.").format(format_date(entry.effective_on,
                                                                                   self.context.language))

    def save(self) -> None:
        values, problems = self.messages.read({"effective_on": self.effective_on, "rate": self.rate})
        if problems:
            self.messages.show(problems)
            return
        rate = KmRate(values["effective_on"], values["rate"], self.source_note.text())
        added = self.run(lambda uow: add_km_rate(uow, rate, user=self.context.user, now=self.context.now()))
        if added is not None:
            self.load()
            self.done(tr("Taux enregistré : {}.").format(" — ".join(self.cells(added)[:2])))
