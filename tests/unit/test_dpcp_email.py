"""The DPCP negotiation e-mail (DPCP, « Service de négociation », notice of 24 November 2020)."""

from dataclasses import replace
from datetime import date, datetime, time
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from lawyer_billing.domain.tools.dpcp_email import (
    DEFAULT,
    DpcpSettings,
    ExitPlan,
    NegotiationRequest,
    NegotiationRequestError,
    ProceedingStage,
    Purpose,
    Sitting,
    WarningKind,
    compose_negotiation_email,
    dpcp_settings_problems,
)

# Friday 27 November 2020, the day the service opened.
FRIDAY = date(2020, 11, 27)


def appearance(sitting: Sitting, **changes) -> NegotiationRequest:
    request = NegotiationRequest(
        accused_name="Jean Tremblay",
        returns_on=FRIDAY,
        stage=ProceedingStage.APPEARANCE,
        room="3.07",
        purpose=Purpose.EXIT_PLAN,
        sitting=sitting,
        case_numbers=("500-01-123456-201",),
    )
    return replace(request, **changes)


def bail_hearing(**changes) -> NegotiationRequest:
    request = NegotiationRequest(
        accused_name="Élise Côté",
        returns_on=FRIDAY,
        stage=ProceedingStage.PRO_FORMA_BAIL_HEARING,
        room="4.02",
        purpose=Purpose.EXIT_PLAN,
    )
    return replace(request, **changes)


def kinds(request: NegotiationRequest, now: datetime) -> list[WarningKind]:
    return [w.kind for w in compose_negotiation_email(request, now).warnings]


# --- subject: the four items in the notice's order -------------------------------------


def test_subject_holds_the_four_items_in_the_notice_order():
    """Notice: 1- date and stage, 2- accused's name, 3- room, 4- Plan de sortie / offre de règlement."""
    email = compose_negotiation_email(appearance(Sitting.AFTERNOON), datetime(2020, 11, 26, 15, 0))
    assert email.subject == (
        "27 novembre 2020, comparution en après-midi ; Jean Tremblay ; salle 3.07 ; Plan de sortie"
    )


def test_subject_of_a_settlement_offer_for_a_bail_hearing():
    email = compose_negotiation_email(
        bail_hearing(purpose=Purpose.SETTLEMENT_OFFER, returns_on=date(2020, 12, 1)),
        datetime(2020, 11, 30, 10, 0),
    )
    assert email.subject == (
        "1er décembre 2020, enquête sur mise en liberté pro forma ; Élise Côté ; salle 4.02 ;"
        " Offre de règlement"
    )
    assert "plaider coupable" in email.body


def test_message_goes_to_the_notice_address():
    email = compose_negotiation_email(bail_hearing(), datetime(2020, 11, 27, 10, 0))
    assert email.to == "gestion.enquete-caution@dpcp.gouv.qc.ca"


def test_exit_plan_body_lists_the_lawyer_fields_and_the_form_to_attach():
    plan = ExitPlan(
        proposed_address="123, rue Ontario Est, Montréal",
        surety="Marie Tremblay, mère, 1 000 $",
        proposed_conditions=("Ne pas contacter la plaignante", "Couvre-feu de 22 h à 6 h"),
    )
    email = compose_negotiation_email(
        appearance(Sitting.MORNING, exit_plan=plan), datetime(2020, 11, 26, 9, 0)
    )
    assert "- Adresse proposée : 123, rue Ontario Est, Montréal" in email.body
    assert "- Caution : Marie Tremblay, mère, 1 000 $" in email.body
    assert "  - Couvre-feu de 22 h à 6 h" in email.body
    assert "« plan de sortie »" in email.body
    assert "- Autres renseignements : [à remplir]" in email.body


# --- cut-offs: the minute before, the minute of, the minute after --------------------------


@pytest.mark.parametrize(
    ("sitting", "now", "late"),
    [
        (Sitting.MORNING, time(9, 29), False),
        (Sitting.MORNING, time(9, 30), False),
        (Sitting.MORNING, time(9, 30, 59), False),
        (Sitting.MORNING, time(9, 31), True),
        (Sitting.AFTERNOON, time(11, 59), False),
        (Sitting.AFTERNOON, time(12, 0), False),
        (Sitting.AFTERNOON, time(12, 1), True),
    ],
)
def test_same_day_appearance_cutoff(sitting, now, late):
    """Notice: read until 9 h 30 for a morning appearance that day, until 12 h for an afternoon one."""
    expected = [WarningKind.APPEARANCE_CUTOFF_PASSED] if late else []
    assert kinds(appearance(sitting), datetime.combine(FRIDAY, now)) == expected


def test_appearance_cutoff_warning_says_the_hour():
    email = compose_negotiation_email(appearance(Sitting.MORNING), datetime(2020, 11, 27, 9, 31))
    assert "jusqu'à 9 h 30 et il est 9 h 31" in email.warnings[0].message_fr


def test_cutoff_applies_only_on_the_day_of_the_appearance():
    """The cut-offs concern appearances "devant avoir lieu le jour même"."""
    assert kinds(appearance(Sitting.MORNING), datetime(2020, 11, 26, 23, 0)) == []


def test_return_date_already_passed():
    assert kinds(appearance(Sitting.AFTERNOON), datetime(2020, 11, 28, 8, 0)) == [
        WarningKind.RETURN_DATE_PASSED
    ]


@pytest.mark.parametrize(
    ("now", "late"),
    [
        (time(8, 29), True),
        (time(8, 30), False),
        (time(16, 29), False),
        (time(16, 30), False),
        (time(16, 31), True),
    ],
)
def test_bail_hearing_reading_hours(now, late):
    """Notice: pro forma bail hearing proposals are read continuously from 8 h 30 to 16 h 30."""
    request = bail_hearing(returns_on=date(2020, 12, 1))
    expected = [WarningKind.OUTSIDE_READING_HOURS] if late else []
    assert kinds(request, datetime.combine(date(2020, 11, 30), now)) == expected


def test_bail_hearing_message_sent_friday_evening_is_read_monday():
    """Prosecutors follow the box Monday to Friday: Friday 16 h 31 -> Monday 30 November 8 h 30."""
    email = compose_negotiation_email(
        bail_hearing(returns_on=date(2020, 11, 30)), datetime(2020, 11, 27, 16, 31)
    )
    assert [w.kind for w in email.warnings] == [WarningKind.OUTSIDE_READING_HOURS]
    assert "lundi 30 novembre 2020 à 8 h 30" in email.warnings[0].message_fr


def test_bail_hearing_after_closing_on_the_hearing_eve_is_not_read_in_time():
    """Saturday 28 for a hearing on Saturday 28: next reading Monday 30, after the hearing."""
    request = bail_hearing(returns_on=date(2020, 11, 28))
    assert kinds(request, datetime(2020, 11, 28, 9, 0)) == [
        WarningKind.OUTSIDE_READING_HOURS,
        WarningKind.NOT_READ_BEFORE_HEARING,
    ]


def test_hours_and_rooms_are_settings():
    settings = DpcpSettings(rooms=("3.07", "5.01"), morning_appearance_cutoff=time(9, 0))
    request = appearance(Sitting.MORNING, room="5.01")
    email = compose_negotiation_email(request, datetime(2020, 11, 27, 9, 15), settings)
    assert [w.kind for w in email.warnings] == [WarningKind.APPEARANCE_CUTOFF_PASSED]
    assert DEFAULT.rooms == ("3.07", "4.02")


# --- mailto -----------------------------------------------------------------------------


def test_mailto_encodes_accents_ampersand_and_line_breaks():
    request = appearance(Sitting.MORNING, accused_name="Zoé Lemieux & Fils")
    email = compose_negotiation_email(request, datetime(2020, 11, 26, 9, 0))
    assert email.mailto_url.startswith("mailto:gestion.enquete-caution@dpcp.gouv.qc.ca?subject=")
    assert "Zo%C3%A9%20Lemieux%20%26%20Fils" in email.mailto_url
    assert "%0D%0A" in email.mailto_url
    for raw in (" ", "é", "\n", ";"):
        assert raw not in email.mailto_url
    query = urlsplit(email.mailto_url).query
    assert query.count("&") == 1
    fields = parse_qs(query)
    assert fields["subject"] == [email.subject]
    assert unquote(query.split("&body=")[1]) == email.body.replace("\n", "\r\n")


# --- validation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"accused_name": "  "}, "Nom de l'accusé"),
        ({"accused_name": "Jean\nBcc: x@y"}, "Nom de l'accusé"),
    ],
)
def test_invalid_request_names_the_field(changes, field):
    with pytest.raises(NegotiationRequestError, match=f"^{field} :"):
        appearance(Sitting.MORNING, **changes)


def test_appearance_needs_its_sitting():
    """The cut-off depends on it: 9 h 30 for the morning, 12 h for the afternoon."""
    with pytest.raises(NegotiationRequestError, match="^Moment de la comparution :"):
        appearance(None)


def test_sitting_does_not_apply_to_a_bail_hearing():
    with pytest.raises(NegotiationRequestError, match="^Moment de la comparution :"):
        bail_hearing(sitting=Sitting.MORNING)


def test_unknown_room_is_refused():
    with pytest.raises(NegotiationRequestError, match=r"^Salle : « 2.01 » .*\(3.07 ou 4.02\)$"):
        compose_negotiation_email(appearance(Sitting.MORNING, room="2.01"), datetime(2020, 11, 26, 9, 0))


def test_email_is_immutable():
    email = compose_negotiation_email(bail_hearing(), datetime(2020, 11, 27, 10, 0))
    with pytest.raises(AttributeError):
        email.subject = "autre"  # type: ignore[misc]


@pytest.mark.parametrize(("address", "rooms", "problems"), [
    ("gestion.enquete-caution@dpcp.gouv.qc.ca", ("3.07", "4.02"), []),
    ("negociation@dpcp.gouv.qc.ca", ("3.07", "5.01"), []),
    ("", ("3.07", "4.02"), ["address"]),
    ("dpcp.gouv.qc.ca", ("3.07", "4.02"), ["address"]),
    ("a b@dpcp.gouv.qc.ca", ("3.07", "4.02"), ["address"]),
    ("gestion@dpcp", ("3.07", "4.02"), ["address"]),
    ("a@dpcp.qc.ca, b@dpcp.qc.ca", ("3.07", "4.02"), ["address"]),
    ("a@dpcp.qc.ca", ("", ""), ["first_room", "second_room"]),
    ("a@dpcp.qc.ca", ("3.07", "3.07"), ["second_room"]),
    ("a@dpcp.qc.ca", ("3.07", "4" * 21), ["second_room"]),
])
def test_the_address_and_rooms_the_settings_may_hold(address, rooms, problems):
    assert [p.field for p in dpcp_settings_problems(address, rooms)] == problems
