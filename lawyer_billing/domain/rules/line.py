"""The working line a service becomes while the rules price it, and the French money format.

A ``Line`` is the only mutable object of the engine: each stage of ``pricing.py`` reads and
changes lines through ``set_amount`` (which records the rule and its explanation) and
``flag`` (a finding), then ``freeze`` turns it into the frozen ``PricedLine`` returned.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from lawyer_billing.domain.billing import AppliedRule, MandateFacts, PricedLine, ServiceFacts
from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.money import round_cents
from lawyer_billing.domain.tariff import TariffItem

HALF = Decimal("0.5")


@dataclass
class Line:
    index: int
    service: ServiceFacts
    mandate: MandateFacts | None
    item: TariffItem | None
    #: the figure per unit the rules start from (the tariff's, or the lawyer's for a lost one)
    figure: Decimal | None = None
    #: ``figure`` times the service's units, before any rule (``PricedLine.tariff_amount``)
    tariff_amount: Decimal | None = None
    amount: Decimal | None = None
    #: a claimed amount (special consideration, art. 14, art. 21 share) no rule may change
    fixed: bool = False
    rules: list[AppliedRule] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def code(self) -> str:
        return self.item.code if self.item is not None else self.service.code

    @property
    def issued(self) -> date:
        assert self.mandate is not None
        return self.mandate.issued

    @property
    def client(self) -> str:
        return self.mandate.client if self.mandate is not None else ""

    @property
    def matter(self) -> str:
        """The case a maximum "dans une même affaire" counts in: the mandate's, or the mandate."""
        if self.mandate is None:
            return ""
        return self.mandate.matter or self.mandate.id

    @property
    def priced(self) -> bool:
        """True when the rules may still change the amount (it is known and not claimed)."""
        return self.amount is not None and not self.fixed

    def figure_for(self, units: Decimal | int) -> Decimal:
        assert self.figure is not None
        return self.figure * units

    def set_amount(self, amount: Decimal, rule: str, explanation_fr: str) -> None:
        """Change the amount, saying which article did it and why (« T98 : moitié ... »)."""
        self.amount = amount
        self.note(rule, explanation_fr)

    def note(self, rule: str, explanation_fr: str) -> None:
        """Record a rule that fixed the amount without changing it (a rate of another item)."""
        self.rules.append(AppliedRule(rule, f"{rule} : {explanation_fr}"))

    def flag(self, code: str, message_fr: str, article: str) -> None:
        self.findings.append(Finding(code, message_fr, article, self.service.id))

    def freeze(self) -> PricedLine:
        return PricedLine(
            service=self.service.id,
            code=self.code,
            tariff_amount=None if self.tariff_amount is None else round_cents(self.tariff_amount),
            amount=None if self.amount is None else round_cents(self.amount),
            rules=tuple(self.rules),
            findings=tuple(self.findings),
        )


def fr_money(amount: Decimal) -> str:
    """``1315`` -> ``"1 315,00 $"``: an amount as a French explanation writes it.

    ``formatting.format_money`` with ordinary spaces instead of no-break ones: explanations are
    plain text in ``compute``'s JSON and in the stored lines, and pricing runs without Babel.
    """
    exact = round_cents(amount)
    whole, cents = f"{abs(exact) if exact.is_zero() else exact:.2f}".split(".")
    sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return f"{sign}{' '.join(groups)},{cents} $"


def at_court(court: str) -> str:
    """`` à Montréal`` for an explanation, or nothing when the court is not known."""
    return f" à {court}" if court else ""
