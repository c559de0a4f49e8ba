"""A demonstration database: a fictitious legal-aid practice over several fiscal years.

For trying the application, taking its screenshots and measuring its speed on realistic
volumes. Everything in it is invented: the lawyer, the clients, the file numbers, and the km
rates (their source note says so). The offices, courts and districts are the real ones a
Montréal lawyer works with, and every service is an item of annex II used as a lawyer would use
it for the matter: lump sums at the final disposition (T127, T120, T194...), adjournments
where the annex pays them by the attendance (T119 in the art. 469 files, T200), bail hearings,
trial days with their start and end times (T96, T128, T123b, evenings), several informations of
one client pleaded the same day (T98), co-accused heard together (T99), children of one family
(T201.1-T201.2), appeals, trips outside the district (art. 20) and disbursements (art. 19), on
the days the courts sit.

The same ``seed``, number of mandates and ``today`` always give the same database; ``today``
is a parameter (nothing here reads the clock): no service is after it, and a file whose next
step would come later is still open. Records go in through ``storage.bulk_load`` (one insert
per kind of record, one commit), and only into an empty database. Statements are then made,
each on its own day, through the use cases of the Relevés and Différends screens
(``bill_some_work``).
"""

import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from lawyer_billing.domain.calendar import next_juridical_day
from lawyer_billing.domain.cap import fiscal_year_of
from lawyer_billing.domain.mandate import EndReason, LegalAidOffice, Mandate, MatterType
from lawyer_billing.domain.money import round_cents
from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.service import Disbursement, Disposition, Service, Travel
from lawyer_billing.domain.statement import StatementType
from lawyer_billing.services.disputes import Step, record_step
from lawyer_billing.services.statements import (
    LineKind,
    finalize_statement,
    mark_received,
    mark_sent,
    prepare_statement,
    record_payment,
    record_refusal,
    save_draft,
)
from lawyer_billing.storage.bulk_load import insert_records, require_empty
from lawyer_billing.storage.settings_store import HolidayRepository, KmRateRepository, ProfileRepository
from lawyer_billing.storage.statement_store import StatementStore
from lawyer_billing.storage.unit_of_work import UnitOfWork

#: fiscal years (1 April - 31 March) of work before ``today``'s
FISCAL_YEARS = 4
DEMO_NOTE = "Chiffre fictif de la base de démonstration : saisir le taux du Conseil du trésor en vigueur."

PROFILE = LawyerProfile(
    name="Me Geneviève Lavoie-Bérubé",
    address="1250, rue de la Démonstration, bureau 400\nMontréal (Québec)  H2X 0A0",
    barreau_number="999999-9",
    csj_number="DÉMO-0042",
    office_district="Montréal",
    gst_number="123456789 RT 0001",
    qst_number="1234567890 TQ 0001",
)


@dataclass(frozen=True)
class District:
    """A judicial district: its court file prefix, the office that issues its mandates, its
    courthouse's road distance from the lawyer's office (art. 20: no trip is paid within 25 km)
    and its share of the files."""

    name: str
    file_prefix: str
    office: str
    km: int
    weight: int


MONTREAL = "Montréal"
DISTRICTS = (
    District(MONTREAL, "500", "Bureau d'aide juridique de Montréal — criminel et pénal", 0, 44),
    District("Laval", "540", "Bureau d'aide juridique de Laval", 22, 18),
    District("Longueuil", "505", "Bureau d'aide juridique de Longueuil", 14, 18),
    District("Terrebonne", "700", "Centre communautaire juridique Laurentides-Lanaudière", 58, 5),
    District("Joliette", "705", "Centre communautaire juridique Laurentides-Lanaudière — Joliette", 76, 2),
    District("Trois-Rivières", "400", "Centre communautaire juridique de la Mauricie–Bois-Francs", 142, 4),
    District("Sherbrooke", "450", "Centre communautaire juridique de l'Estrie", 152, 3),
    District("Gatineau", "550", "Centre communautaire juridique de l'Outaouais", 205, 2),
    District("Québec", "200", "Centre communautaire juridique de Québec", 253, 4),
)
#: Montréal's youth and family files come from their own bureaux
MONTREAL_OFFICES = {
    MatterType.YOUTH_PROTECTION: "Bureau d'aide juridique de Montréal — jeunesse",
    MatterType.FAMILY: "Bureau d'aide juridique de Montréal — famille et civil",
    MatterType.CIVIL: "Bureau d'aide juridique de Montréal — famille et civil",
    MatterType.ADMINISTRATIVE_TRIBUNAL: "Bureau d'aide juridique de Montréal — famille et civil",
}
OFFICES = tuple(dict.fromkeys([d.office for d in DISTRICTS] + list(MONTREAL_OFFICES.values())))
#: the Court of Appeal sits in Québec for these districts, in Montréal for the others
APPEALS_IN_QUEBEC = ("Québec", "Trois-Rivières", "Sherbrooke")

FIRST_NAMES = (
    "Éloïse", "Gabriel", "Jérôme", "Zoé", "Marie-Ève", "Jean-François", "Anne-Sophie", "Noémie", "Maëlle",
    "Raphaël", "Anaïs", "Benoît", "François", "Hélène", "Ginette", "Réjean", "Gaétan", "Josée", "Mélanie",
    "Stéphane", "Sébastien", "Frédéric", "Chloé", "Léa", "Émile", "Félix", "Loïc", "Maxime", "Nathalie",
    "Sylvie", "Yannick", "Kevin", "Jessica", "Mathis", "Océane", "Thomas", "Samuel", "William", "Olivier",
    "Alexis", "Jean-Philippe", "Marc-André", "Marie-Claude", "Pier-Luc", "Geneviève", "Guylaine", "Ghislain",
    "Karine", "Dave", "Steve", "Cindy", "Mégane", "Jacinthe", "Rosalie", "Laurie-Anne", "Édouard", "Théo",
    "Amélie", "Isabelle", "Pascal", "Normand", "Francine", "Lucie", "Yvon", "Denis", "Mireille", "Wilson",
    "Fatima", "Karim", "Nadia", "Mamadou", "Djenane", "Lin", "Ivan",
)
LAST_NAMES = (
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
    "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard",
    "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc",
    "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin", "Landry", "Martel", "Bédard",
    "Grenier", "Lessard", "Bernier", "Richard", "Michaud", "Hébert", "Desjardins", "Couture", "Turcotte",
    "Lachance", "Parent", "Blais", "Gosselin", "Savard", "Proulx", "Beaudoin", "Demers", "Perreault",
    "Boudreau", "Lemieux", "Cyr", "Perron", "Dufour", "Dion", "Mercier", "Bolduc", "Bérubé", "Boisvert",
    "Langlois", "Ménard", "Therrien", "Plante", "Bilodeau", "Dussault", "Guay", "D'Amours", "D'Anjou",
    "L'Heureux", "L'Italien", "O'Neill", "D'Aoust", "Saint-Onge", "Deschênes", "Thériault", "Lacroix",
    "Chrétien", "Gélinas", "Brûlé", "Pépin", "Joseph", "Pierre-Louis", "Nguyen", "Haddad", "Benali",
    "Jean-Baptiste", "Diallo", "Tran",
)

COURTS = {
    "criminal": "Cour du Québec, chambre criminelle et pénale",
    "municipal": "Cour municipale",
    "superior_criminal": "Cour supérieure, chambre criminelle",
    "youth": "Cour du Québec, chambre de la jeunesse",
    "superior": "Cour supérieure",
    "appeal": "Cour d'appel du Québec",
    "taq": "Tribunal administratif du Québec",
    "tal": "Tribunal administratif du logement",
    "civil": "Cour du Québec, chambre civile",
}
#: courts and tribunals that sit in their own premises rather than in the courthouse
OWN_PREMISES = (COURTS["appeal"], COURTS["taq"], COURTS["tal"])

# Hours of an attendance: T96 and T188 put the middle of the day at 13 h and the evening after 19 h.
SHORT = (time(9, 30), time(10, 30))
MORNING = (time(9, 30), time(12, 0))
AFTERNOON = (time(14, 0), time(16, 30))
DAY = (time(9, 30), time(16, 30))
INTO_EVENING = (time(9, 30), time(20, 15))
BAIL_HEARING = "Enquête sur remise en liberté (la poursuite s'objecte)"


@dataclass(frozen=True)
class DemoSummary:
    """What a demo database holds, for the command's closing sentence."""

    offices: int
    mandates: int
    services: int
    travel: int
    disbursements: int
    statements: int


@dataclass
class CaseFile:
    """One mandate with what was done on it. ``Mandate.office_id`` is an index in ``OFFICES``
    and each record's ``mandate_id`` is 0 until the rows get their ids."""

    mandate: Mandate
    services: list[Service] = field(default_factory=list)
    travel: list[Travel] = field(default_factory=list)
    disbursements: list[Disbursement] = field(default_factory=list)


def create_demo(uow: UnitOfWork, *, mandates: int, seed: int, today: date, statements: bool = True) -> DemoSummary:
    """Fill the empty database of ``uow`` with ``mandates`` demo mandates in one commit, then
    (with ``statements``) bill some of them through the statement use cases."""
    session = uow.session
    require_empty(session, "la création d'une base de démonstration")
    files = demo_files(mandates, seed, today)
    ProfileRepository(session).put(PROFILE)
    rates = KmRateRepository(session)
    for effective_on, rate in km_rates(today):
        rates.put(effective_on, rate, DEMO_NOTE)
    holidays = HolidayRepository(session)
    for day, label in added_holidays(today):
        holidays.put(day, label)
    office_ids = insert_records(session, [LegalAidOffice(name, _office_address(name)) for name in OFFICES], key="name")
    mandate_ids = insert_records(
        session, [replace(f.mandate, office_id=office_ids[f.mandate.office_id]) for f in files], key="number"
    )
    services, travel, disbursements = [], [], []
    for case, mandate_id in zip(files, mandate_ids):
        services += [replace(s, mandate_id=mandate_id) for s in case.services]
        travel += [replace(t, mandate_id=mandate_id) for t in case.travel]
        disbursements += [replace(d, mandate_id=mandate_id) for d in case.disbursements]
    insert_records(session, services)
    insert_records(session, travel)
    insert_records(session, disbursements)
    uow.commit()
    written = bill_some_work(uow, files, mandate_ids, random.Random(f"{seed}-relevés"), today) if statements else 0
    return DemoSummary(len(office_ids), len(mandate_ids), len(services), len(travel), len(disbursements), written)


def first_day(today: date) -> date:
    """1 April of the fiscal year ``FISCAL_YEARS`` before ``today``'s."""
    return date(int(fiscal_year_of(today)[:4]) - FISCAL_YEARS, 4, 1)


def km_rates(today: date) -> list[tuple[date, Decimal]]:
    """One demo rate per fiscal year (art. 20), marked as such by ``DEMO_NOTE``."""
    start = first_day(today)
    return [(date(start.year + n, 4, 1), Decimal("0.470") + Decimal("0.015") * n) for n in range(FISCAL_YEARS + 1)]


def added_holidays(today: date) -> list[tuple[date, str]]:
    """Court closures a lawyer adds to the holidays of CPP art. 18 (demo days)."""
    start = first_day(today)
    days = [(date(year, 12, 27), "Fermeture des palais de justice entre les fêtes (démonstration)")
            for year in range(start.year, today.year + 1)]
    outage = next_juridical_day(start + timedelta(days=400))
    days.append((outage, "Palais de justice de Longueuil fermé : panne électrique (démonstration)"))
    return days


def _office_address(name: str) -> str:
    district = next((d.name for d in DISTRICTS if d.office == name), MONTREAL)
    return f"{district} (Québec)"


def demo_files(count: int, seed: int, today: date) -> list[CaseFile]:
    """``count`` case files, the same for the same ``seed`` and ``today``."""
    practice = _Practice(random.Random(seed), today)
    files: list[CaseFile] = []
    while len(files) < count:
        files += practice.next_case()
    return files[:count]


class _Timeline:
    """The services of one mandate, appended in the order they happen.

    ``step`` moves to a later court day; a step that would come after ``today`` is not taken
    and leaves the file open (``cut``), so that no service is ever in the future.
    """

    def __init__(self, practice: "_Practice", case: CaseFile, district: District, court: str) -> None:
        self.practice, self.case, self.district, self.court = practice, case, district, court
        self.day = case.mandate.issued_on
        self.cut = False
        self.group: str | None = None
        #: False for a file heard with another (co-accused, informations): the trip is billed on the other
        self.travels = True
        in_own_premises = court in OWN_PREMISES
        self.courthouse = f"{court}, {district.name}" if in_own_premises else f"Palais de justice de {district.name}"
        self._trip_days: list[date] = []

    def step(self, gap: tuple[int, int], code: str, hours: tuple[time, time] | None = None, *, units: int = 1,
             disposition: Disposition | None = None, description: str = "", at_court: bool = True,
             children: int = 1, **rule_facts) -> None:
        """The next service, ``gap`` (least, most) days after the previous one."""
        if self.cut:
            return
        rng = self.practice.rng
        day = self.practice.court_day(self.day + timedelta(days=rng.randint(*gap)))
        if day > self.practice.today:
            self.cut = True
            return
        self.day = day
        start, end = hours if hours else (None, None)
        self.case.services.append(Service(
            0, code, day, start, end, units,
            court=self.courthouse if at_court else "",
            room=self.practice.room(self.district) if at_court else "",
            disposition=disposition, co_accused_group=self.group, children=children,
            description=description, rule_facts=rule_facts,
        ))
        if at_court:
            self.trip(day)

    def trip(self, day: date) -> None:
        """Art. 20: a trip to a courthouse beyond 25 km, once per day (2°: outside the district;
        3°: the Court of Appeal sitting outside it)."""
        if not self.travels or self.district.km <= 25 or day in self._trip_days:
            return
        self._trip_days.append(day)
        rng = self.practice.rng
        basis = "appeal_court_or_outside_tribunal" if self.court == COURTS["appeal"] else "outside_district"
        parking = Decimal(rng.choice(("0", "8.00", "12.50", "15.00", "18.75"))) or None
        self.case.travel.append(Travel(
            0, day, Decimal(2 * self.district.km + rng.randint(0, 12)), Decimal(self.district.km), basis,
            parking=parking, description=f"Aller-retour Montréal – {self.district.name}",
        ))

    def disbursement(self, description: str, low: int, high: int, *, expert: bool = False) -> None:
        rng = self.practice.rng
        amount = Decimal(rng.randint(low * 100, high * 100)) / 100
        self.case.disbursements.append(Disbursement(
            0, self.day, description, amount, receipt_reference=f"F-{rng.randint(10000, 99999)}",
            expert_authorised_on=max(self.day - timedelta(days=rng.randint(10, 40)), self.case.mandate.issued_on)
            if expert else None,
        ))

    def end(self, reason: EndReason, *, judgment: bool = False) -> None:
        """The file ends on its last step (unless cut short by ``today``)."""
        if self.cut:
            return
        ended = min(self.day + timedelta(days=self.practice.rng.randint(0, 20)), self.practice.today)
        self.case.mandate = replace(
            self.case.mandate, ended_on=ended, end_reason=reason, judgment_on=self.day if judgment else None
        )


class _Practice:
    """The lawyer's files as they come in, drawn from ``rng``."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng, self.today = rng, today
        self.start = first_day(today)
        self.closures = frozenset(day for day, _ in added_holidays(today))
        self.span = (today - timedelta(days=5) - self.start).days
        self._names: dict[str, None] = {}
        self._numbers = 0
        self._kinds = (
            (self.summary_conviction, 27), (self.indictable, 10), (self.superior_court_trial, 1),
            (self.several_informations, 4), (self.co_accused, 3), (self.criminal_proceeding, 3),
            (self.youth_criminal, 15), (self.youth_protection, 20), (self.family, 9), (self.civil, 3),
            (self.administrative, 6),
        )

    def next_case(self) -> list[CaseFile]:
        kinds, weights = zip(*self._kinds)
        return self.rng.choices(kinds, weights)[0]()

    # --- what every file needs ----------------------------------------------------------------

    def client(self) -> str:
        """A new client's name: fictitious, unique in the database (T98 and T99 tell clients
        apart by name)."""
        rng = self.rng
        while True:
            last = rng.choice(LAST_NAMES)
            if rng.random() < 0.12:
                last = f"{last}-{rng.choice(LAST_NAMES)}"
            name = f"{rng.choice(FIRST_NAMES)} {last}"
            if name not in self._names:
                self._names[name] = None
                return name

    def room(self, district: District) -> str:
        """A courtroom: floor and number in Montréal's courthouse, a number elsewhere."""
        if district.name == MONTREAL:
            return f"{self.rng.randint(1, 6)}.{self.rng.randint(1, 20):02d}"
        return str(self.rng.randint(1, 12))

    def district(self) -> District:
        return self.rng.choices(DISTRICTS, [d.weight for d in DISTRICTS])[0]

    def issued(self, after: date | None = None) -> date:
        """A working day in the demo's span; more files in recent years (a growing practice)."""
        if after is not None:
            return self.court_day(after + timedelta(days=self.rng.randint(3, 25)))
        offset = int(self.span * self.rng.random() ** 0.8)
        return self.court_day(self.start + timedelta(days=offset))

    def court_day(self, day: date) -> date:
        """``day``, or the next day the courts sit: not a Saturday, a Sunday, a holiday of CPP
        art. 18 or a closure the lawyer added."""
        return next_juridical_day(day, self.closures)

    def new_file(self, matter_type: MatterType, court_key: str, *, client: str | None = None,
                 district: District | None = None, issued: date | None = None, matter: str = "") -> _Timeline:
        district = district or self.district()
        issued = min(issued or self.issued(), self.today)
        self._numbers += 1
        office = MONTREAL_OFFICES.get(matter_type, district.office) if district.name == MONTREAL else district.office
        court = COURTS[court_key]
        if court_key == "municipal":
            court = f"{court} de {district.name}"
        mandate = Mandate(
            number=f"{issued:%y}-{OFFICES.index(office) + 1:02d}-{self._numbers:05d}",
            client_name=client or self.client(),
            issued_on=issued,
            matter_type=matter_type,
            office_id=OFFICES.index(office),
            client_file_number=f"{issued.year}-{self._numbers:04d}",
            court=court,
            district=district.name,
            matter=matter or self.court_file_number(district, court_key, issued),
        )
        return _Timeline(self, CaseFile(mandate), district, court)

    def court_file_number(self, district: District, court_key: str, issued: date) -> str:
        """The court's number for the case (« 500-01-123456-241 »), unique in the demo: it is
        the matter (« affaire ») the maximum counts are kept in."""
        chamber = {"youth": "03", "superior": "04", "superior_criminal": "36", "appeal": "10"}.get(court_key, "01")
        serial = self._numbers * 7919 % 1_000_000
        return f"{district.file_prefix}-{chamber}-{serial:06d}-{issued:%y}{self.rng.randint(0, 9)}"

    def adjournments(self, file: _Timeline, least: int, most: int, code: str = "T119") -> None:
        """Court dates that end in an adjournment, where the annex pays them by the attendance
        (T119 for the art. 469 offences, T200 in youth protection). T119 pays only two obtained
        at the lawyer's request in one matter; those the prosecution asks for are all paid."""
        for _ in range(self.rng.randint(least, most)):
            if code != "T119":
                file.step((14, 60), code, SHORT, description="Vacation pour remise")
            elif self.rng.random() < 0.3:
                file.step((14, 60), code, SHORT, description="Ajournement à la demande de la défense")
            else:
                file.step((14, 60), code, SHORT, at_own_request=False,
                          description="Ajournement à la demande de la poursuite")

    def photocopies(self, file: _Timeline, code: str = "T101") -> None:
        """Copies of the evidence as it is disclosed, in one to three batches."""
        if self.rng.random() < 0.6:
            for _ in range(self.rng.randint(1, 3)):
                pages = self.rng.randint(20, 400)
                file.step((0, 20), code, units=pages if code == "T101" else 1, at_court=False,
                          description=f"Photocopies de la preuve ({pages} pages)")

    def trial_days(self, file: _Timeline, code: str, extra_days: int) -> None:
        """The days of a trial after the first, each counted in half-days from its hours."""
        for n in range(extra_days):
            hours, units = self.rng.choice(((DAY, 2), (DAY, 2), (MORNING, 1), (INTO_EVENING, 3)))
            file.step((1, 35), code, hours, units=units, description=f"Procès — journée {n + 2}")

    # --- criminal and penal matters (Part 4) -------------------------------------------------

    def criminal_file(self, file: _Timeline, lump_sum: str, bail: str, extra_half_days: str) -> None:
        """A file paid by a lump sum "jusqu'à disposition finale du cas" (T120, T124, T127),
        which covers its adjournments, and what the annex pays on top: the bail hearing the
        prosecution contests, a detained client's appearances by telephone or video (T104.3),
        a facilitation conference, the trial's additional half-days, photocopies (T101)."""
        rng = self.rng
        if rng.random() < 0.04:
            file.step((0, 1), "T104.1", SHORT, description="Comparution sur mandat d'arrestation d'un autre district")
        detained = rng.random() < 0.35
        if detained:
            file.step((0, 2), bail, MORNING, description=BAIL_HEARING)
            if rng.random() < 0.15:
                file.step((5, 20), "T136", MORNING, description="Révision du cautionnement en Cour supérieure")
        for _ in range(rng.randint(1, 5) if detained else rng.choice((0, 0, 1))):
            file.step((3, 20), "T104.3", SHORT, description="Comparution par voie téléphonique (client détenu)")
        self.photocopies(file)
        if rng.random() < 0.2:
            file.step((10, 40), "T104.2", MORNING, units=1, description="Conférence pénale de facilitation")
        outcome = rng.random()
        if outcome < 0.55:
            file.step((10, 60), lump_sum, SHORT, disposition=Disposition.GUILTY_PLEA,
                      description="Plaidoyer de culpabilité et représentations sur la peine")
            file.end(EndReason.JUDGMENT, judgment=True)
        elif outcome < 0.83:
            file.step((20, 90), lump_sum, DAY, disposition=Disposition.TRIAL, description="Procès — journée 1")
            if rng.random() < 0.6:
                self.trial_days(file, extra_half_days, rng.randint(1, 4))
            file.end(EndReason.JUDGMENT, judgment=True)
        else:
            file.step((10, 60), lump_sum, SHORT, description="Arrêt des procédures : accusations retirées")
            file.end(EndReason.WITHDRAWAL)
        if rng.random() < 0.08:
            file.disbursement("Transcription des notes sténographiques", 120, 640)

    def summary_conviction(self) -> list[CaseFile]:
        district = self.district()
        court = "municipal" if district.name in (MONTREAL, "Laval") and self.rng.random() < 0.2 else "criminal"
        file = self.new_file(MatterType.CRIMINAL_PENAL, court, district=district)
        self.criminal_file(file, "T127", "T129", "T128")
        return [file.case] + self.maybe_appeal(file)

    def indictable(self) -> list[CaseFile]:
        """T120-T123; sometimes a plea to a lesser and included offence, paid as charged (T97)."""
        rng = self.rng
        file = self.new_file(MatterType.CRIMINAL_PENAL, "criminal")
        if rng.random() < 0.3:
            file.step((20, 60), "T122", DAY, units=2, description="Enquête préliminaire — journée 2")
        if rng.random() < 0.12:
            if rng.random() < 0.3:
                file.step((0, 2), "T121", MORNING, description=BAIL_HEARING)
            self.photocopies(file)
            file.step((20, 80), "T124", SHORT, disposition=Disposition.GUILTY_PLEA, charged_as="T120",
                      description="Plaidoyer de culpabilité à une infraction moindre et incluse (T97)")
            file.end(EndReason.JUDGMENT, judgment=True)
        else:
            self.criminal_file(file, "T120", "T121", "T123b")
        return [file.case] + self.maybe_appeal(file)

    def superior_court_trial(self) -> list[CaseFile]:
        """Art. 469 offences (T105-T119): paid by the step and by the day, a long file."""
        rng = self.rng
        file = self.new_file(MatterType.CRIMINAL_PENAL, "superior_criminal")
        file.step((0, 2), "T108", SHORT, description="Comparution")
        file.step((3, 20), "T109", DAY, description="Enquête sur cautionnement")
        file.step((20, 60), "T105", at_court=False, description="Préparation de l'enquête préliminaire")
        for _ in range(rng.randint(1, 3)):
            file.step((1, 10), "T111", rng.choice((DAY, DAY, MORNING)), description="Enquête préliminaire")
        file.step((20, 60), "T112", SHORT, description="Décision sur l'enquête préliminaire")
        self.adjournments(file, 2, 6)
        file.step((30, 120), "T107", at_court=False, description="Préparation du procès")
        for n in range(rng.randint(3, 12)):
            file.step((1, 6), "T113", rng.choice((DAY, DAY, DAY, MORNING, INTO_EVENING)),
                      disposition=Disposition.TRIAL, description=f"Procès devant jury — journée {n + 1}")
        file.step((20, 60), "T117", MORNING, description="Représentations sur la peine et prononcé")
        self.photocopies(file)
        file.disbursement("Expertise psychiatrique (autorisée)", 1500, 3500, expert=True)
        file.end(EndReason.JUDGMENT, judgment=True)
        return [file.case] + self.maybe_appeal(file, always=True)

    def several_informations(self) -> list[CaseFile]:
        """T98: one client, two or three informations (a mandate each), pleas the same day."""
        rng = self.rng
        main = self.new_file(MatterType.CRIMINAL_PENAL, "criminal")
        client, district = main.case.mandate.client_name, main.district
        others = [self.new_file(MatterType.CRIMINAL_PENAL, "criminal", client=client, district=district,
                                issued=self.issued(after=main.case.mandate.issued_on))
                  for _ in range(rng.randint(1, 2))]
        self.photocopies(main)
        disposition, hours, what = rng.choice((
            (Disposition.GUILTY_PLEA, SHORT, "Plaidoyer de culpabilité sur plusieurs dénonciations"),
            (Disposition.GUILTY_PLEA, SHORT, "Plaidoyer de culpabilité sur plusieurs dénonciations"),
            (Disposition.TRIAL, DAY, "Procès sur plusieurs dénonciations"),
        ))
        main.step((30, 90), "T127", hours, disposition=disposition, description=what)
        for other in others:
            if main.cut or other.case.mandate.issued_on > main.day:
                continue
            other.day, other.travels = main.day, False
            other.step((0, 0), rng.choice(("T127", "T127", "T124")), hours, disposition=disposition, description=what)
            other.end(EndReason.JUDGMENT, judgment=True)
        main.end(EndReason.JUDGMENT, judgment=True)
        return [main.case] + [o.case for o in others]

    def co_accused(self) -> list[CaseFile]:
        """T99: two or three co-accused of one event, heard together (a mandate each)."""
        rng = self.rng
        main = self.new_file(MatterType.CRIMINAL_PENAL, "criminal")
        main.group = f"Coaccusés {main.case.mandate.matter}"
        self.criminal_file(main, rng.choice(("T127", "T120")), "T129", "T128")
        files = [main]
        for _ in range(rng.randint(1, 2)):
            other = self.new_file(MatterType.CRIMINAL_PENAL, "criminal", district=main.district,
                                  issued=main.case.mandate.issued_on)
            other.group, other.travels = main.group, False
            for service in main.case.services:
                other.day = service.rendered_on
                hours = (service.start, service.end) if service.start else None
                other.step((0, 0), service.code, hours, units=service.units, disposition=service.disposition,
                           description=service.description, at_court=bool(service.court), **service.rule_facts)
            other.case.mandate = replace(other.case.mandate, ended_on=main.case.mandate.ended_on,
                                         end_reason=main.case.mandate.end_reason,
                                         judgment_on=main.case.mandate.judgment_on)
            files.append(other)
        return [f.case for f in files]

    def criminal_proceeding(self) -> list[CaseFile]:
        """The short proceedings the annex pays as a whole: a breach of a conditional sentence
        (T131), a peace bond (T131.1), a change to probation (T184), a fine in default (T186)."""
        code, court, what = self.rng.choice((
            ("T131", "criminal", "Audience sur un manquement au sursis (art. 742.6 C.cr.)"),
            ("T131.1", "criminal", "Engagement de ne pas troubler l'ordre public (art. 810.2 C.cr.)"),
            ("T184", "criminal", "Modification des conditions de la probation (art. 732.2 C.cr.)"),
            ("T186", "municipal", "Emprisonnement à défaut de paiement d'une amende (art. 734.7 C.cr.)"),
        ))
        district = self.rng.choice((DISTRICTS[0], DISTRICTS[1])) if court == "municipal" else self.district()
        file = self.new_file(MatterType.CRIMINAL_PENAL, court, district=district)
        file.step((5, 40), code, MORNING, description=what)
        file.end(EndReason.JUDGMENT, judgment=True)
        return [file.case]

    def youth_criminal(self) -> list[CaseFile]:
        """Youth criminal justice (LSJPA): Part 4 items before the youth chamber, T137-T138."""
        rng = self.rng
        file = self.new_file(MatterType.YOUTH_CRIMINAL, "youth")
        if rng.random() < 0.06:
            file.step((3, 20), "T138", MORNING, description="Examen de la peine spécifique (LSJPA)")
            file.end(EndReason.JUDGMENT, judgment=True)
            return [file.case]
        if rng.random() < 0.04:
            file.step((20, 90), "T137", DAY, description="Demande de peine pour adultes (art. 64 LSJPA)")
            file.end(EndReason.JUDGMENT, judgment=True)
            return [file.case]
        self.criminal_file(file, rng.choice(("T127", "T127", "T120")), "T129", "T128")
        return [file.case] + self.maybe_appeal(file)

    def maybe_appeal(self, trial: _Timeline, always: bool = False) -> list[CaseFile]:
        """An appeal after a judgment at trial: a new mandate in the same matter (T158-T167)."""
        mandate = trial.case.mandate
        convicted = any(s.disposition is Disposition.TRIAL for s in trial.case.services)
        if mandate.judgment_on is None or not convicted or not (always or self.rng.random() < 0.12):
            return []
        issued = self.issued(after=mandate.judgment_on)
        if issued > self.today:
            return []
        seat = "Québec" if trial.district.name in APPEALS_IN_QUEBEC else MONTREAL
        file = self.new_file(MatterType.CRIMINAL_PENAL, "appeal", client=mandate.client_name, issued=issued,
                             district=next(d for d in DISTRICTS if d.name == seat), matter=mandate.matter)
        if self.rng.random() < 0.6:
            file.step((5, 25), "T158", at_court=False, description="Avis d'appel, dossier conjoint et vacations")
            file.step((40, 120), "T161", at_court=False, description="Mémoire de l'appelant")
            file.step((60, 200), "T162", MORNING, description="Audition de l'appel")
        else:
            file.step((5, 25), "T163", at_court=False, description="Appel de la peine : avis d'appel et procédures")
            file.step((40, 120), "T166", at_court=False, description="Argumentation sur la peine")
            file.step((60, 200), "T167", MORNING, description="Audition de l'appel de la peine")
        file.end(EndReason.JUDGMENT, judgment=True)
        return [file.case]

    # --- youth protection, family, civil and administrative matters --------------------------

    def youth_protection(self) -> list[CaseFile]:
        """Youth protection (T193-T201.4), for a child or a parent; several children of one
        family on one line (T201.1, T201.2)."""
        rng = self.rng
        file = self.new_file(MatterType.YOUTH_PROTECTION, "youth")
        children = rng.choice((1, 1, 1, 2, 3))
        represents = rng.choice(("child", "parent"))
        facts = {"represents": represents} if represents == "parent" else {}
        if rng.random() < 0.4:
            file.step((0, 3), "T198a", MORNING, children=children, description="Hébergement provisoire", **facts)
        for _ in range(rng.randint(2, 10)):
            file.step((5, 30), "T193", units=1, at_court=False, children=children,
                      description="Rencontre avec la DPJ (mesures volontaires)", **facts)
        if rng.random() < 0.2:
            file.step((10, 40), "T199a", MORNING, children=children, description="Prolongation de l'urgence", **facts)
        self.adjournments(file, 1, 6, code="T200")
        if rng.random() < 0.25:
            file.step((10, 40), "T201.3", MORNING, description="Séance de conciliation")
        outcome = rng.random()
        if outcome < 0.45:
            file.step((15, 60), "T194", DAY, children=children, description="Audition sur la compromission", **facts)
        elif outcome < 0.75:
            file.step((15, 60), "T194", SHORT, disposition=Disposition.CONSENT, children=children,
                      description="Décision finale sur consentement", **facts)
        elif outcome < 0.9:
            file.step((15, 60), "T195", MORNING, children=children, contested_hearing=rng.random() < 0.5,
                      description="Révision de la décision", **facts)
        else:
            file.step((15, 60), "T197", SHORT, children=children, description="Désistement du recours", **facts)
            file.end(EndReason.WITHDRAWAL)
            return [file.case]
        if rng.random() < 0.3:
            file.step((7, 30), "T201", SHORT, description="Vacation pour prononcé du jugement")
        self.photocopies(file, "T192")
        file.end(EndReason.JUDGMENT, judgment=True)
        return [file.case]

    def family(self) -> list[CaseFile]:
        """Separation, divorce and custody in the Superior Court (T57-T70)."""
        rng = self.rng
        file = self.new_file(MatterType.FAMILY, "superior")
        file.step((15, 45), "T62a", MORNING, description="Mesures provisoires après entente")
        for _ in range(rng.choice((0, 1, 1, 2))):
            file.step((20, 60), "T64b", at_court=False, description="Interrogatoire d'une partie")
        for _ in range(rng.choice((0, 1, 2, 2, 3))):
            file.step((30, 90), "T63-1", SHORT, description="Prolongation des mesures provisoires")
        for _ in range(rng.choice((0, 0, 1, 2))):
            file.step((20, 60), "T64a", MORNING, description="Incident contesté (garde et accès)")
        if rng.random() < 0.35:
            file.step((20, 60), "T19.1", MORNING, description="Conférence de règlement à l'amiable")
        if rng.random() < 0.3:
            file.step((10, 40), "T63-2a", SHORT, description="Modification des mesures après entente")
        outcome = rng.random()
        if outcome < 0.4:
            file.step((30, 120), "T61b", SHORT, description="Divorce sur projet d'accord")
            reason = EndReason.SETTLEMENT
        elif outcome < 0.7:
            file.step((30, 120), "T61a", DAY, description="Procès au fond")
            if rng.random() < 0.3:
                file.step((1, 5), "T64c", DAY, units=2, description="Procès — journée 2")
            reason = EndReason.JUDGMENT
        elif outcome < 0.9:
            file.step((30, 120), rng.choice(("T59", "T60")), SHORT, description="Jugement par défaut")
            reason = EndReason.JUDGMENT
        else:
            file.step((30, 120), "T57a", at_court=False, description="Réconciliation : abandon des procédures")
            reason = EndReason.SETTLEMENT
        file.step((0, 5), "T19", at_court=False, description="Photocopies, télécopies et messagerie")
        if rng.random() < 0.1:
            file.disbursement("Signification par huissier", 35, 95)
        file.end(reason, judgment=reason is EndReason.JUDGMENT)
        return [file.case]

    def civil(self) -> list[CaseFile]:
        """The civil items whose figures the annex gives (the class tables T32-T43 were lost)."""
        rng = self.rng
        kind = rng.random()
        if kind < 0.5:
            file = self.new_file(MatterType.CIVIL, "superior")
            file.step((20, 60), "T19.1", MORNING, description="Conférence de gestion de l'instance")
            code, hours, what = rng.choice((("T56a", SHORT, "sans contestation"), ("T56b", DAY, "avec contestation")))
            file.step((30, 90), code, hours, description=f"Représentation de l'enfant : jugement {what}")
            if rng.random() < 0.3:
                file.step((60, 200), "T56a", SHORT, description="Représentation de l'enfant : second jugement")
            file.end(EndReason.JUDGMENT, judgment=True)
        elif kind < 0.8:
            file = self.new_file(MatterType.CIVIL, "superior")
            file.step((20, 90), "T52", at_court=False, description="Requête en rectification de l'état civil")
            file.step((0, 5), "T19", at_court=False, description="Photocopies et messagerie")
            file.end(EndReason.JUDGMENT, judgment=True)
        else:
            file = self.new_file(MatterType.CIVIL, "civil")
            file.step((20, 60), "T7", at_court=False, description="Plaidoirie écrite autorisée par le tribunal")
            file.step((10, 40), "T3", at_court=False, description="Requête pour cesser d'occuper")
            file.end(EndReason.SUBSTITUTION)
        return [file.case]

    def administrative(self) -> list[CaseFile]:
        """Administrative tribunals (T202-T214): TAQ, housing tribunal, confinement (P-38)."""
        rng = self.rng
        kind = rng.random()
        if kind < 0.4:
            file = self.new_file(MatterType.ADMINISTRATIVE_TRIBUNAL, "civil")
            if rng.random() < 0.85:
                file.step((2, 6), "T214a", MORNING, description="Garde en établissement : jugement")
                file.end(EndReason.JUDGMENT, judgment=True)
            else:
                file.step((2, 6), "T214b", at_court=False, description="Garde en établissement : désistement")
                file.end(EndReason.WITHDRAWAL)
        elif kind < 0.75:
            file = self.new_file(MatterType.ADMINISTRATIVE_TRIBUNAL, "taq")
            file.step((20, 60), "T207a", at_court=False, description="Demande de révision (CNESST)")
            if rng.random() < 0.5:
                file.step((60, 200), "T211-1", DAY, description="Enquête et audition au TAQ")
                file.step((0, 0), "T211-2", DAY, units=2, description="Audition : demi-journées")
                file.end(EndReason.JUDGMENT, judgment=True)
            else:
                file.step((60, 200), "T208", at_court=False, description="Règlement avant l'audition")
                file.end(EndReason.SETTLEMENT)
        else:
            file = self.new_file(MatterType.ADMINISTRATIVE_TRIBUNAL, "tal")
            if rng.random() < 0.5:
                file.step((20, 90), "T202b", MORNING, description="Décision finale après contestation")
                file.end(EndReason.JUDGMENT, judgment=True)
            else:
                file.step((20, 90), "T202a", MORNING, description="Décision finale sans contestation")
                file.end(EndReason.SETTLEMENT)
        return [file.case]


# --- statements, through the use cases of the Relevés and Différends screens -----------------

USER = "glavoie"
#: The statements of the demo, oldest first: how many days before ``today`` each was finalized
#: and how far its follow-up went, so that every status and both dispute paths appear.
STATEMENT_HISTORY = (
    (820, "refused_then_arbitration"), (640, "paid_in_two"), (470, "paid"), (250, "refused_then_dispute"),
    (210, "partially_paid"), (130, "received"), (50, "received"), (20, "sent"), (4, "finalized"), (0, "draft"),
)
#: the old files are billed once this long before ``today``: none then has its 3 years (art. 15) run
#: out, and none ended since runs out within the reminders
CATCH_UP = timedelta(days=960)
REFUSAL_REASONS = (
    "Demi-journée additionnelle refusée : le plumitif indique un procès d'une seule journée.",
    "Comparution par voie téléphonique non documentée au dossier de la cour.",
    "Frais de photocopies refusés : la pièce justificative n'accompagne pas le relevé.",
)


def bill_some_work(uow: UnitOfWork, files: list[CaseFile], mandate_ids: list[int], rng: random.Random,
                   today: date) -> int:
    """Bill ended mandates as the lawyer did over the years, each statement prepared, finalized
    and followed up on its own day through the same use cases as the screens; return how many
    were written.

    Each office first gets one final statement (paid) of every mandate that ended before
    ``CATCH_UP``, so that no old file has its art. 15 deadline run out (a lawyer bills more
    often, in smaller statements: those would cost as many computations); then the statements of
    ``STATEMENT_HISTORY`` bill a few mandates each, soon after they end, and show every status
    and both dispute paths. The latest work stays to be billed. No more than that: preparing a
    statement computes all the stored work (art. 22 depends on every earlier fee), so each one
    costs as much as computing the whole demo."""
    by_office = _ended_by_office(files, mandate_ids)
    cutoff = today - CATCH_UP
    billings = [([mandate_id for ended, mandate_id in mandates if ended < cutoff], "paid", cutoff + timedelta(days=30))
                for _, mandates in sorted(by_office.items())]
    billed = {mandate_id for chosen, _, _ in billings for mandate_id in chosen}
    for days_ago, outcome in STATEMENT_HISTORY:
        on = today - timedelta(days=days_ago)
        billings.append((_recently_ended(by_office, billed, on, rng), outcome, on))
        billed.update(billings[-1][0])
    finalized, drafts = [], 0
    for chosen, outcome, on in billings:
        preview = prepare_statement(uow, on, chosen, StatementType.FINAL) if chosen else None
        if preview is None or preview.problems:
            continue
        now = datetime.combine(on, time(10))
        if outcome == "draft":
            save_draft(uow, preview, user=USER, now=now)
            drafts += 1
        else:
            finalized.append((finalize_statement(uow, on, preview, user=USER, now=now), preview, outcome, on))
    # what happened after: a statement's follow-up may run past the next one's day, which is
    # prepared as it was then (its lines never depend on another statement's follow-up)
    for statement_id, preview, outcome, on in finalized:
        _follow_up(uow, statement_id, preview, outcome, on, rng, today)
    return len(finalized) + drafts


def _ended_by_office(files: list[CaseFile], mandate_ids: list[int]) -> dict[int, list[tuple[date, int]]]:
    """The ended mandates that have work to bill, by office, in the order they ended."""
    by_office: dict[int, list[tuple[date, int]]] = {}
    for case, mandate_id in zip(files, mandate_ids):
        if case.mandate.ended_on is not None and case.services:
            by_office.setdefault(case.mandate.office_id, []).append((case.mandate.ended_on, mandate_id))
    return {office: sorted(mandates) for office, mandates in by_office.items()}


def _recently_ended(by_office: dict[int, list[tuple[date, int]]], billed: set[int], on: date,
                    rng: random.Random) -> list[int]:
    """One to three mandates of one office that ended in the three months before ``on``: a
    final statement (art. 16) goes to the office that issued them (art. 15)."""
    recent = {
        office: [i for ended, i in mandates if on - timedelta(days=90) <= ended <= on - timedelta(days=3)
                 and i not in billed]
        for office, mandates in by_office.items()
    }
    office = max(sorted(recent), key=lambda index: len(recent[index]), default=None)
    return recent[office][:rng.randint(1, 3)] if office is not None else []


def _follow_up(uow: UnitOfWork, statement_id: int, preview, outcome: str, finalized_on: date,
               rng: random.Random, today: date) -> None:
    """Record what happened to the statement after it was finalized, each step on its day."""

    def version() -> int:
        return StatementStore(uow.session).get(statement_id).version

    def later(day: date, least: int, most: int) -> date:
        return min(day + timedelta(days=rng.randint(least, most)), today)

    def at(day: date) -> dict:
        return {"user": USER, "now": datetime.combine(day, time(10))}

    if outcome == "finalized":
        return
    sent = later(finalized_on, 0, 3)
    mark_sent(uow, sent, statement_id, version(), sent, **at(sent))
    if outcome == "sent":
        return
    received = later(sent, 2, 8)
    mark_received(uow, received, statement_id, version(), received, **at(received))
    total = preview.totals.total
    if outcome == "received":
        return
    paid = later(received, 20, 55)
    if outcome == "paid":
        record_payment(uow, paid, statement_id, version(), paid, total, **at(paid))
    elif outcome in ("partially_paid", "paid_in_two"):
        part = round_cents(total * rng.randint(55, 85) / 100)
        record_payment(uow, paid, statement_id, version(), paid, part, **at(paid))
        if outcome == "paid_in_two":
            rest = later(paid, 30, 90)
            record_payment(uow, rest, statement_id, version(), rest, total - part, **at(rest))
    else:
        fees = [line.amount for line in preview.billable_lines if line.kind is LineKind.FEE and line.amount > 0]
        refused = min(fees[-1], total)
        if refused < total:
            record_payment(uow, paid, statement_id, version(), paid, total - refused, **at(paid))
        notice = later(paid, 0, 6)
        refusal_id = record_refusal(
            uow, notice, statement_id, version(), received_on=notice, reasons=rng.choice(REFUSAL_REASONS),
            amount_refused=refused, reference=f"REF-{notice:%Y}-{rng.randint(1000, 9999)}", **at(notice),
        )
        _dispute(uow, refusal_id, notice, outcome, later, at)


def _dispute(uow: UnitOfWork, refusal_id: int, refused_on: date, outcome: str, later, at) -> None:
    """The dispute path of a refusal: the whole path (conciliation, art. 29-33; notice of
    dispute, art. 32; the office's answer, art. 34; arbitration, art. 35), or a notice of dispute
    still waiting for its answer."""
    if outcome == "refused_then_arbitration":
        requested = later(refused_on, 10, 20)
        ended = later(requested, 40, 70)
        notice = later(ended, 20, 40)
        answered = later(notice, 15, 30)
        steps = [(Step.CONCILIATION_REQUESTED, requested), (Step.CONCILIATION_ENDED, ended),
                 (Step.NOTICE_SENT, notice), (Step.ANSWER_RECEIVED, answered),
                 (Step.ARBITRATION_LETTER_SENT, later(answered, 30, 90))]
    else:
        steps = [(Step.NOTICE_SENT, later(refused_on, 30, 60))]
    version = None
    for step, day in steps:
        version = record_step(uow, day, refusal_id, step, day, version=version, **at(day)).version
