"""Letters filled from templates: every placeholder has a value or the letter is refused by
name; amounts, dates and the interest periods of art. 17 written for the letter's language."""

from datetime import date
from decimal import Decimal

import pytest

from lawyer_billing.domain.interest import InterestPeriod, InterestResult, late_interest
from lawyer_billing.domain.letters import (
    LANGUAGES,
    LetterError,
    LetterKind,
    LetterParties,
    compose_letter,
    fill_template,
    format_values,
    interest_periods,
    placeholders,
    shipped_template,
)
from lawyer_billing.domain.statement import Letterhead, Office

NBSP = "\u00a0"
D = Decimal
PARTIES = LetterParties(Letterhead("Me Jeanne Tremblay", district="Montréal"), Office("CCJ de Montréal"),
                        date(2025, 3, 1))
#: the example of docs/compute-format.md: 1000.00 $ received 2024-10-03, paid 2025-01-15
INTEREST = late_interest(D("1000.00"), date(2024, 10, 3), (), date(2025, 1, 15))
VALUES = {
    "statement_number": "2024-017", "statement_date": date(2024, 10, 1), "mandate_number": "M1",
    "beneficiary": "Dupont & Fils", "refusal_date": date(2024, 12, 2), "amount_disputed": D("165.00"),
    "facts": "Le centre a réduit la ligne T127 de moitié.", "remedy": "Payer 330,00 $.",
    "barreau_section": "Montréal", "dispute_notice_date": date(2025, 1, 10),
    "answer": "Aucune réponse ne m'a été transmise dans les 30 jours.", "reasons": "Procès de douze jours.",
    "amount_requested": D("4500.00"), "principal": D("1000.00"), "received_date": date(2024, 10, 3),
    "interest_until": date(2025, 1, 14), "periods": INTEREST, "interest_total": INTEREST.total,
    "end_date": date(2025, 3, 1),
}
COMMON = {"lawyer_name", "recipient_name", "letter_date"}
#: what each letter must say, by the article it comes from
REQUIRED = {
    LetterKind.DISPUTE_NOTICE: {"statement_number", "refusal_date", "facts", "remedy"},  # art. 32
    LetterKind.CONCILIATION_REQUEST: {"statement_number", "refusal_date", "barreau_section"},  # art. 29
    LetterKind.ARBITRATION: {"statement_number", "dispute_notice_date", "answer", "facts", "remedy"},  # art. 35
    LetterKind.SPECIAL_CONSIDERATION: {"mandate_number", "reasons", "amount_requested"},  # T8
    LetterKind.INTEREST_CLAIM: {"principal", "received_date", "periods", "interest_total"},  # art. 17
    LetterKind.END_OF_MANDATE: {"mandate_number", "beneficiary", "end_date"},  # art. 12
}

#: the article each letter cites
CITED = {
    LetterKind.DISPUTE_NOTICE: {"fr": "l'article 32", "en": "section 32"},
    LetterKind.CONCILIATION_REQUEST: {"fr": "l'article 29", "en": "section 29"},
    LetterKind.ARBITRATION: {"fr": "l'article 35", "en": "section 35"},
    LetterKind.SPECIAL_CONSIDERATION: {"fr": "articles T8 à T12", "en": "sections T8 to T12"},
    LetterKind.INTEREST_CLAIM: {"fr": "l'article 17", "en": "section 17"},
    LetterKind.END_OF_MANDATE: {"fr": "l'article 12", "en": "section 12"},
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_shipped_template_fills_with_the_documented_values(kind, language):
    template = shipped_template(kind, language)
    used = set(placeholders(template))
    assert REQUIRED[kind] <= used
    assert used <= set(VALUES) | COMMON
    parties = LetterParties(PARTIES.lawyer, PARTIES.recipient, PARTIES.date, language)
    letter = compose_letter(kind, template, parties, VALUES)
    assert letter.subject and len(letter.paragraphs) >= 4
    text = "\n".join(letter.paragraphs)
    assert "$" not in letter.subject and "${" not in text
    assert CITED[kind][language] in text


def test_the_dispute_notice_reads_as_written_with_french_amounts_and_dates():
    letter = compose_letter(LetterKind.DISPUTE_NOTICE, shipped_template(LetterKind.DISPUTE_NOTICE), PARTIES, VALUES)
    assert letter.subject == "Avis de différend — relevé d'honoraires n° 2024-017 (mandat M1)"
    text = "\n".join(letter.paragraphs)
    assert "mon relevé d'honoraires n° 2024-017 du 1er octobre 2024" in text
    assert f"Le 2 décembre 2024, j'ai reçu un avis de refus de paiement portant sur un montant de 165,00{NBSP}$." in text
    assert "Exposé sommaire des faits :\nLe centre a réduit la ligne T127 de moitié." in letter.paragraphs


def test_the_interest_claim_lists_each_period_with_its_days_and_amount():
    letter = compose_letter(LetterKind.INTEREST_CLAIM, shipped_template(LetterKind.INTEREST_CLAIM), PARTIES, VALUES)
    # from the 30th day after 2024-10-03 (2024-11-02) to 2025-01-14: 74 days at 4.50 % + 1.5 %:
    # 1000 × 6 % × 74 / 365 = 12.164... -> 12.16
    assert (f"Les intérêts courus jusqu'au 14 janvier 2025 inclusivement s'établissent comme suit :\n"
            f"du 2 novembre 2024 au 14 janvier 2025 : 74 jours à 6,00{NBSP}% sur 1{NBSP}000,00{NBSP}$ "
            f"= 12,16{NBSP}$") in letter.paragraphs
    assert f"Total des intérêts réclamés : 12,16{NBSP}$" in letter.paragraphs


def test_interest_periods_one_line_each_in_either_language():
    result = InterestResult((
        InterestPeriod(date(2025, 3, 3), date(2025, 4, 1), 29, D("1000.00"), D("5.25"), D("4.17")),
        InterestPeriod(date(2025, 4, 1), date(2025, 6, 1), 61, D("600.00"), D("4.25"), D("4.26")),
    ), D("8.43"), ())
    assert interest_periods(result).split("\n") == [
        f"du 3 mars 2025 au 31 mars 2025 : 29 jours à 5,25{NBSP}% sur 1{NBSP}000,00{NBSP}$ = 4,17{NBSP}$",
        f"du 1er avril 2025 au 31 mai 2025 : 61 jours à 4,25{NBSP}% sur 600,00{NBSP}$ = 4,26{NBSP}$",
    ]
    assert interest_periods(result, "en").split("\n") == [
        "March 3, 2025 to March 31, 2025: 29 days at 5.25% on $1,000.00 = $4.17",
        "April 1, 2025 to May 31, 2025: 61 days at 4.25% on $600.00 = $4.26",
    ]


def test_a_period_without_a_known_rate_cannot_be_claimed():
    result = InterestResult(
        (InterestPeriod(date(2099, 4, 1), date(2099, 5, 1), 30, D("1000.00"), None, None),), D("0.00"), ())
    with pytest.raises(LetterError, match="2099-04-01 au 2099-04-30"):
        interest_periods(result)


def test_a_missing_or_blank_value_is_an_error_naming_every_placeholder_never_a_blank():
    values = {**VALUES, "facts": "   "}
    del values["remedy"], values["refusal_date"]
    with pytest.raises(LetterError) as raised:
        compose_letter(LetterKind.DISPUTE_NOTICE, shipped_template(LetterKind.DISPUTE_NOTICE), PARTIES, values)
    assert str(raised.value) == "Valeur manquante dans la lettre : $refusal_date, $facts, $remedy."


def test_the_template_is_a_parameter_so_the_lawyer_s_own_version_is_used():
    own = "Objet : ${statement_number}\n\nBonjour $recipient_name,\n\nIl reste $$ 5 et $amount.\n\n$lawyer_name"
    subject, paragraphs = fill_template(own, format_values(
        {"statement_number": "R-1", "recipient_name": "CCJ", "amount": D("0.005"), "lawyer_name": "Me Roy"}))
    assert subject == "Objet : R-1"
    assert paragraphs == ("Bonjour CCJ,", f"Il reste $ 5 et 0,01{NBSP}$.", "Me Roy")  # 0.005 half-up


def test_a_dollar_that_starts_no_placeholder_is_an_error_naming_its_line():
    with pytest.raises(LetterError, match="Ligne 3 du modèle"):
        fill_template("Objet\n\nCoût : 5 $ par page.", {})


def test_a_template_needs_a_subject_line():
    with pytest.raises(LetterError, match="objet"):
        fill_template("\n\n   \nCorps", {})


def test_values_are_formatted_for_the_language_and_odd_types_are_refused():
    assert format_values({"a": D("1234.5"), "b": date(2025, 3, 1), "c": 3, "d": ("x", "y")}, "en") == {
        "a": "$1,234.50", "b": "March 1, 2025", "c": "3", "d": "x\ny"}
    with pytest.raises(LetterError, match=r"\$flag"):
        format_values({"flag": True})
    with pytest.raises(LetterError, match=r"\$rate"):
        format_values({"rate": 0.5})


def test_an_unknown_language_has_no_template():
    with pytest.raises(LetterError, match="« de »"):
        shipped_template(LetterKind.DISPUTE_NOTICE, "de")
