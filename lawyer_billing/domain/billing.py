"""What the tariff engine prices, and what it returns: the facts of mandates and services,
and one priced line per service saying which rules changed its amount and why.

These types are the boundary between the inputs (a ``compute`` scenario, or the database
through the services) and the rules of annex II (``domain/rules/``, applied by
``domain/pricing.py``). Identifiers are the caller's own (``"M1"``, ``"S1"`` or database ids
as text).
"""

from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal

from lawyer_billing.domain.findings import Finding


@dataclass(frozen=True)
class MandateFacts:
    id: str
    client: str
    issued: date
    district: str = ""
    ended: date | None = None
    ended_by_judgment: bool = False
    judgment_date: date | None = None
    #: date of a cessation-of-aid notice (art. 23-24): later services need a conservatory act
    aid_ceased: date | None = None
    #: the case (« affaire ») the mandate belongs to: maximum counts "dans une même affaire"
    #: (T56, T63, T69, T119...) count every mandate of the same matter; empty = this mandate only
    matter: str = ""
    #: T66: the earlier mandate for a separation or divorce issued to the same client
    earlier_mandate: str | None = None
    #: T66: the client's side in the action, ``"plaintiff"`` or ``"defendant"`` (empty: unknown)
    party: str = ""
    #: the mandate's number as the lawyer and the office know it (empty: ``id`` is shown)
    number: str = ""

    @property
    def name(self) -> str:
        """How messages name the mandate: its number, or the caller's id when it has none."""
        return self.number or self.id


@dataclass(frozen=True)
class ServiceFacts:
    id: str
    mandate: str
    code: str
    date: date
    court: str = ""
    start: time | None = None
    end: time | None = None
    units: int = 1
    #: how the attendance ended: ``"trial"`` or ``"guilty_plea"`` (T98), ``"found_guilty"``
    #: (T117-T118), ``"consent"`` (T196), ``"settled_before_defence"`` or
    #: ``"settled_after_defence"`` (T55)
    disposition: str | None = None
    co_accused_group: str | None = None
    children: int = 1
    tariff_class: str | None = None
    #: the figure a percentage item applies to (T54 indemnity, T55 judgment or claim)
    base_amount: Decimal | None = None
    #: the lawyer's figure, for items with no fixed amount or under special consideration
    amount: Decimal | None = None
    conservatory_act: bool = False
    authorised: bool = False
    #: T97: the item the charge as laid would pay, when the plea is to a lesser included offence
    charged_as: str | None = None
    #: T26: the number of distinct contestations (several defendants) the plaintiff's lawyer met
    contestations: int = 1
    #: T46, T81: the action is an injunction (its class is at least IIIa, or II in appeal);
    #: ``after_interlocutory``: a judgment on the interlocutory injunction came before the
    #: judgment on the merits
    injunction: bool = False
    after_interlocutory: bool = False
    #: T119: the adjournment was obtained at the lawyer's request (only two are paid)
    at_own_request: bool = True
    #: T95, art. 21: another lawyer rendered part of the services a lump sum pays for
    shared_lump_sum: bool = False
    #: T49, T73, T80, T82: ``"extraordinary_remedy"`` (« recours extraordinaires », judicial
    #: review, evocation...) or ``"habeas_corpus"``: class II, and no half under T80
    remedy: str | None = None
    #: T195: « la contestation d'une des parties en litige nécessite la tenue d'une audition »
    #: (the review is then paid in full, even with a final decision by consent: not T196)
    contested_hearing: bool = False
    #: T201.1-T201.2, youth protection: whom the lawyer represents, ``"child"`` (T201.1, the
    #: children of one family) or ``"parent"`` (T201.2, a parent several of whose children are
    #: concerned); ``children`` counts the children either way
    represents: str = "child"


@dataclass(frozen=True)
class AppliedRule:
    """A rule that changed (or fixed) a line's amount: ``code`` is the tariff article
    (``"T96"``, ``"T98"``...), ``explanation_fr`` says what it did to this line."""

    code: str
    explanation_fr: str


@dataclass(frozen=True)
class PricedLine:
    service: str
    code: str
    #: the tariff's amount for the service before any rule (None: unknown): the item's figure on
    #: the date that governs times the service's units (37 pages of T101 at 0.10 $: 3.70), or
    #: the percentage of T54-T55 applied to the base amount; the figure per unit is not kept
    tariff_amount: Decimal | None
    #: the amount claimed, rounded to the cent (None when no figure exists and none was given)
    amount: Decimal | None
    rules: tuple[AppliedRule, ...] = ()
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Pricing:
    lines: tuple[PricedLine, ...]
    #: findings about the whole set (e.g. the same attendance billed on two mandates)
    findings: tuple[Finding, ...] = field(default=())
