"""The forms for the work logged on a mandate: a service, a trip, a disbursement.

A service's code is completed from the tariff and stored in the tariff's spelling; the facts
only some rules read (the charge as laid for T97, the contestations of T26...) are under
« Précisions pour les règles », each labelled with the article that reads it, and only the
ones that differ from the rule's default are stored.
"""

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from lawyer_billing.domain.mandate import Mandate
from lawyer_billing.domain.record_facts import RULE_FACTS
from lawyer_billing.domain.service import Disbursement, Disposition, Service, Travel
from lawyer_billing.domain.tariff import CLASSES, Tariff
from lawyer_billing.domain.typed_input import parse_number
from lawyer_billing.services.court_day import item_choices
from lawyer_billing.services.work_log import save_disbursement, save_service, save_travel
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.item_choices import item_text
from lawyer_billing.ui.widgets.choice_labels import chosen, dispositions, fill_combo, select_value, travel_bases
from lawyer_billing.ui.widgets.completers import ItemCompleter
from lawyer_billing.ui.widgets.edit_form import EditForm
from lawyer_billing.ui.widgets.fields import DateField, MoneyField, TimeField, TypedField

#: the yes-or-no facts of ``ServiceFacts`` a service may carry, in the order they are shown
FLAGS = ("conservatory_act", "authorised", "at_own_request", "injunction", "after_interlocutory",
         "shared_lump_sum", "contested_hearing")


def parse_km(text: str) -> Decimal:
    return parse_number(text, "une distance", "182,5", units=("km",))


class KmField(TypedField):
    def __init__(self, optional: bool = False, parent=None) -> None:
        super().__init__(parse_km, tr("km"), optional, parent)

    def set_value(self, km: Decimal | None) -> None:
        self.setText("" if km is None else f"{km.normalize():f}".replace(".", ","))


class WorkForm(EditForm):
    """A form for one record of a mandate: ``load(mandate, record)`` (``None``: a new one)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.mandate: Mandate | None = None
        self.existing = None

    def load(self, mandate: Mandate, record=None) -> None:
        self.mandate, self.existing = mandate, record
        self.show_record(record)
        self.title.setText(self.title_text())
        self.mark_clean()
        next(iter(self.fields.values())).setFocus()

    def show_record(self, record) -> None:
        raise NotImplementedError

    def store(self, uow, record):
        raise NotImplementedError

    def save(self, record):
        with self.context.unit_of_work() as uow:
            saved = self.store(uow, record)
        self.context.events.changed.emit("service")
        return saved

    def retranslate(self) -> None:
        super().retranslate()
        if self.mandate is not None:
            self.title.setText(self.title_text())


class ServiceForm(WorkForm):
    def __init__(self, context: AppContext, tariff: Callable[[], Tariff], parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.tariff = tariff
        self.add_field("rendered_on", DateField(context.today))
        code = self.add_field("code", QLineEdit())
        self.completer = ItemCompleter(code, tariff, self._governing_date, lambda: self.context.language)
        self.item_label = QLabel()
        self.item_label.setWordWrap(True)
        self.item_label.setStyleSheet("color: palette(mid);")
        self.form.addRow("", self.item_label)
        code.textChanged.connect(self._show_item)
        self.add_field("start", TimeField())
        self.add_field("end", TimeField())
        units = self.add_field("units", QSpinBox())
        units.setRange(1, 999)
        self.add_field("disposition", QComboBox())
        self.add_field("co_accused_group", QLineEdit())
        self.add_field("court", QLineEdit())
        self.add_field("room", QLineEdit())
        side = QFormLayout()
        self.add_column(side)
        children = self.add_field("children", QSpinBox(), side)
        children.setRange(1, 30)
        self.add_field("tariff_class", QComboBox(), side)
        self.add_field("base_amount", MoneyField(language=context.language), side)
        self.add_field("amount_override", MoneyField(language=context.language), side)
        self.add_field("override_reason", QLineEdit(), side)
        self.add_field("description", QLineEdit(), side)
        self.facts_toggle = QToolButton()
        self.facts_toggle.setObjectName("show_rule_facts")
        self.facts_toggle.setCheckable(True)
        self.facts_toggle.setAutoRaise(True)
        self.facts_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.facts_box = QGroupBox()
        self.facts_toggle.toggled.connect(self._show_facts)
        grid = QGridLayout(self.facts_box)
        facts_form = QFormLayout()
        self.add_field("charged_as", QLineEdit(), facts_form)
        contestations = self.add_field("contestations", QSpinBox(), facts_form)
        contestations.setRange(1, 99)
        self.add_field("remedy", QComboBox(), facts_form)
        self.add_field("represents", QComboBox(), facts_form)
        grid.addLayout(facts_form, 0, 0, len(FLAGS), 1)
        for row, name in enumerate(FLAGS):
            box = QCheckBox()
            box.setObjectName(name)
            self.fields[name] = box
            grid.addWidget(box, row, 1)
        self.below.addWidget(self.facts_toggle)
        self.below.addWidget(self.facts_box)
        self.retranslate()
        self.mark_clean()

    def _governing_date(self):
        """Art. 53: the amounts are those in force when the mandate was issued."""
        return self.mandate.issued_on if self.mandate is not None else self.context.today()

    def _show_facts(self, shown: bool) -> None:
        self.facts_box.setVisible(shown)
        self.facts_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _show_item(self, text: str) -> None:
        choices = item_choices(self.tariff(), text, self._governing_date(), limit=1) if text.strip() else []
        exact = choices[0] if choices and choices[0].code.casefold() == text.strip().replace(" ", "").casefold() else None
        self.item_label.setText(item_text(exact, self.context.language) if exact else "")

    def field_texts(self) -> dict[str, str]:
        return {
            "rendered_on": tr("Date du service"), "code": tr("Article du tarif *"), "start": tr("Début"),
            "end": tr("Fin"), "units": tr("Unités"), "disposition": tr("Issue"),
            "co_accused_group": tr("Groupe de coaccusés (T99)"), "court": tr("Cour"), "room": tr("Salle"),
            "children": tr("Enfants (T201.1, T201.2)"), "tariff_class": tr("Classe de l'action (T20)"),
            "base_amount": tr("Montant de base (T54, T55)"), "amount_override": tr("Montant réclamé"),
            "override_reason": tr("Raison du montant réclamé"), "description": tr("Description"),
            "charged_as": tr("Accusation telle que portée (T97)"), "contestations": tr("Contestations distinctes (T26)"),
            "remedy": tr("Recours (T49, T73, T80, T82)"), "represents": tr("Représente (T201.1, T201.2)"),
        }

    def title_text(self) -> str:
        number = self.mandate.number if self.mandate else ""
        return tr("Nouveau service — mandat {}").format(number) if self.existing is None else \
            tr("Service {} — mandat {}").format(self.existing.code, number)

    def retranslate(self) -> None:
        super().retranslate()
        fill_combo(self.fields["disposition"], dispositions, blank="")
        fill_combo(self.fields["tariff_class"], lambda: {name: name for name in CLASSES}, blank="")
        fill_combo(self.fields["remedy"], lambda: {"extraordinary_remedy": tr("Recours extraordinaire"),
                                                   "habeas_corpus": tr("Habeas corpus")}, blank="")
        fill_combo(self.fields["represents"], lambda: {"child": tr("L'enfant"), "parent": tr("Un parent")})
        for name, text in {
            "conservatory_act": tr("Acte conservatoire après la cessation de l'aide (art. 23-24)"),
            "authorised": tr("Autorisation préalable obtenue (T2, T114)"),
            "at_own_request": tr("Remise obtenue à ma demande (T119)"),
            "injunction": tr("Injonction (T46, T81)"),
            "after_interlocutory": tr("Jugement sur l'injonction interlocutoire avant le fond (T46, T81)"),
            "shared_lump_sum": tr("Forfait partagé avec un autre avocat (T95, art. 21)"),
            "contested_hearing": tr("Audition nécessitée par une contestation (T195)"),
        }.items():
            self.fields[name].setText(text)
        self.facts_toggle.setText(tr("Précisions pour les règles (T97, T26, T119...)"))
        self.fields["code"].setPlaceholderText(tr("T127, ou des mots : plaidoyer culpabilité"))
        self.fields["co_accused_group"].setPlaceholderText(tr("même nom pour les coaccusés d'un même événement"))

    def show_record(self, service: Service | None) -> None:
        mandate = self.mandate
        shown = service or Service(mandate_id=mandate.id, code="", rendered_on=self.context.today(), court=mandate.court)
        fields = self.fields
        fields["rendered_on"].set_value(shown.rendered_on)
        for name in ("code", "court", "room", "override_reason", "description"):
            fields[name].setText(getattr(shown, name))
        fields["co_accused_group"].setText(shown.co_accused_group or "")
        for name in ("start", "end", "base_amount", "amount_override"):
            fields[name].set_value(getattr(shown, name))
        fields["units"].setValue(shown.units)
        fields["children"].setValue(shown.children)
        select_value(fields["disposition"], shown.disposition)
        select_value(fields["tariff_class"], shown.tariff_class)
        facts = {**RULE_FACTS, **shown.rule_facts}
        fields["charged_as"].setText(facts["charged_as"] or "")
        fields["contestations"].setValue(facts["contestations"])
        select_value(fields["remedy"], facts["remedy"])
        select_value(fields["represents"], facts["represents"])
        for name in FLAGS:
            fields[name].setChecked(bool(facts[name]))
        self.facts_toggle.setChecked(bool(shown.rule_facts))
        self._show_facts(bool(shown.rule_facts))

    def record(self) -> Service:
        typed = self.read_typed(("rendered_on", "start", "end", "base_amount", "amount_override"))
        fields = self.fields
        facts = {
            "charged_as": fields["charged_as"].text().strip() or None,
            "contestations": fields["contestations"].value(),
            "remedy": chosen(fields["remedy"]),
            "represents": chosen(fields["represents"]),
            **{name: fields[name].isChecked() for name in FLAGS},
        }
        service = Service(
            mandate_id=self.mandate.id,
            code=fields["code"].text().strip(),
            units=fields["units"].value(),
            court=fields["court"].text().strip(),
            room=fields["room"].text().strip(),
            disposition=chosen(fields["disposition"], Disposition),
            co_accused_group=fields["co_accused_group"].text().strip() or None,
            children=fields["children"].value(),
            tariff_class=chosen(fields["tariff_class"]),
            description=fields["description"].text().strip(),
            override_reason=fields["override_reason"].text().strip(),
            rule_facts={name: value for name, value in facts.items() if value != RULE_FACTS[name]},
            **typed,
        )
        return service if self.existing is None else replace(service, id=self.existing.id, version=self.existing.version)

    def store(self, uow, service: Service) -> Service:
        return save_service(uow, service, user=self.context.user, now=self.context.now(), tariff=self.tariff())


class TravelForm(WorkForm):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.add_field("travelled_on", DateField(context.today))
        self.add_field("km", KmField())
        self.add_field("destination_km", KmField())
        self.add_field("basis", QComboBox())
        self.add_field("alternate_km", KmField(optional=True))
        self.add_field("parking", MoneyField(language=context.language))
        self.add_field("actual_cost", MoneyField(language=context.language))
        self.add_field("description", QLineEdit())
        self.retranslate()
        self.mark_clean()

    def field_texts(self) -> dict[str, str]:
        return {
            "travelled_on": tr("Date du déplacement"), "km": tr("Km parcourus (aller-retour)"),
            "destination_km": tr("Km du bureau au lieu du service"), "basis": tr("Paragraphe de l'art. 20"),
            "alternate_km": tr("Km depuis le lieu d'émission du mandat (3°)"), "parking": tr("Stationnement"),
            "actual_cost": tr("Frais réels (plafond)"), "description": tr("Description"),
        }

    def title_text(self) -> str:
        number = self.mandate.number if self.mandate else ""
        return tr("Nouveau déplacement — mandat {}").format(number) if self.existing is None else \
            tr("Déplacement — mandat {}").format(number)

    def retranslate(self) -> None:
        super().retranslate()
        fill_combo(self.fields["basis"], travel_bases)

    def show_record(self, travel: Travel | None) -> None:
        fields = self.fields
        fields["travelled_on"].set_value(travel.travelled_on if travel else self.context.today())
        for name in ("km", "destination_km", "alternate_km", "parking", "actual_cost"):
            fields[name].set_value(getattr(travel, name) if travel else None)
        select_value(fields["basis"], travel.basis if travel else "in_district")
        fields["description"].setText(travel.description if travel else "")

    def record(self) -> Travel:
        typed = self.read_typed(("travelled_on", "km", "destination_km", "alternate_km", "parking", "actual_cost"))
        travel = Travel(mandate_id=self.mandate.id, basis=chosen(self.fields["basis"]),
                        description=self.fields["description"].text().strip(), **typed)
        return travel if self.existing is None else replace(travel, id=self.existing.id, version=self.existing.version)

    def store(self, uow, travel: Travel) -> Travel:
        return save_travel(uow, travel, user=self.context.user, now=self.context.now())


class DisbursementForm(WorkForm):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.add_field("incurred_on", DateField(context.today))
        self.add_field("description", QLineEdit())
        self.add_field("amount", MoneyField(optional=False, language=context.language))
        self.add_field("receipt_reference", QLineEdit())
        self.add_field("expert_authorised_on", DateField(context.today, optional=True))
        self.retranslate()
        self.mark_clean()

    def field_texts(self) -> dict[str, str]:
        return {
            "incurred_on": tr("Date"), "description": tr("Description *"), "amount": tr("Montant *"),
            "receipt_reference": tr("Pièce justificative"),
            "expert_authorised_on": tr("Expertise autorisée le (art. 19)"),
        }

    def title_text(self) -> str:
        number = self.mandate.number if self.mandate else ""
        return tr("Nouveau débours — mandat {}").format(number) if self.existing is None else \
            tr("Débours — mandat {}").format(number)

    def show_record(self, disbursement: Disbursement | None) -> None:
        fields = self.fields
        fields["incurred_on"].set_value(disbursement.incurred_on if disbursement else self.context.today())
        fields["description"].setText(disbursement.description if disbursement else "")
        fields["amount"].set_value(disbursement.amount if disbursement else None)
        fields["receipt_reference"].setText(disbursement.receipt_reference if disbursement else "")
        fields["expert_authorised_on"].set_value(disbursement.expert_authorised_on if disbursement else None)

    def record(self) -> Disbursement:
        typed = self.read_typed(("incurred_on", "amount", "expert_authorised_on"))
        disbursement = Disbursement(mandate_id=self.mandate.id, description=self.fields["description"].text().strip(),
                                    receipt_reference=self.fields["receipt_reference"].text().strip(), **typed)
        if self.existing is None:
            return disbursement
        return replace(disbursement, id=self.existing.id, version=self.existing.version)

    def store(self, uow, disbursement: Disbursement) -> Disbursement:
        return save_disbursement(uow, disbursement, user=self.context.user, now=self.context.now())
