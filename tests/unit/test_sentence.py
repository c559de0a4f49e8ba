"""Sentence calculator, checked against the Guide de calcul des peines (MSP, 2022).

The guide's worked examples lost their figures, so every case below is computed by hand from
its rules, with the arithmetic in the docstring. Convention (sentence_timeline): the day a
sentence begins is day 1, and day n falls on start + n - 1. Calendar reminders: 2024 is a
leap year (January 31, February 29, March 31, April 30, May 31, June 30 days...).
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawyer_billing.domain.tools.sentence import (
    DISCLAIMER_FR,
    Sentence,
    compute_sentence_dates,
)
from lawyer_billing.domain.tools.sentence_concurrency import JudgeOrder, Statute
from lawyer_billing.domain.tools.sentence_days import (
    PreSentenceCustody,
    SentenceDays,
    SentenceLength,
    apply_custody_credit,
    whole_days,
)
from lawyer_billing.domain.tools.sentence_errors import (
    DisciplinaryLossError,
    ImpossibleDateError,
    InvalidCreditRatioError,
    InvalidDurationError,
    SentenceInputError,
    SentencesNotMergedError,
    UnknownSentenceError,
)
from lawyer_billing.domain.tools.sentence_jurisdiction import Jurisdiction
from lawyer_billing.domain.tools.sentence_reduction import completed_fraction, release_day
from lawyer_billing.domain.tools.sentence_timeline import Interruption, InterruptionKind

CCR = Statute.CRIMINAL_CODE
CPP = Statute.PENAL_PROCEDURE
JAN_1 = date(2024, 1, 1)


def days(n: int) -> SentenceLength:
    return SentenceLength(days=n)


def one(length: SentenceLength, starts_on: date = JAN_1, **kwargs):
    return compute_sentence_dates([Sentence("A", CCR, starts_on, length)], **kwargs)


# --- Conversion to days (« Adéquation de la peine ») -------------------------------------


def test_a_year_is_365_or_366_days_adequacy():
    """« une année correspond à 365 ou 366 jours »: 10 March 2023 -> 10 March 2024 crosses
    29 February 2024 (366 days); 10 March 2022 -> 10 March 2023 does not (365)."""
    assert SentenceLength(years=1).to_days(date(2023, 3, 10)).days == 366
    assert SentenceLength(years=1).to_days(date(2022, 3, 10)).days == 365


def test_a_month_is_28_to_31_days_adequacy():
    """« un mois correspond à 28, 29, 30 ou 31 jours »: 1 Feb 2024 -> 1 Mar 2024 = 29;
    31 Jan 2023 -> 28 Feb 2023 (no 31 February) = 28; 1 Mar -> 1 Apr = 31."""
    assert SentenceLength(months=1).to_days(date(2024, 2, 1)).days == 29
    assert SentenceLength(months=1).to_days(date(2023, 1, 31)).days == 28
    assert SentenceLength(months=1).to_days(date(2024, 3, 1)).days == 31


def test_half_a_month_is_15_days_or_14_in_february_adequacy():
    """« un demi-mois à 15 jours (s'il s'agit du mois de février, 14 jours) ».
    1 month and a half from 10 Jan 2023: 10 Jan -> 10 Feb = 31, half of February = 14 -> 45.
    From 10 Mar 2023: 10 Mar -> 10 Apr = 31, half of April = 15 -> 46."""
    length = SentenceLength(months=1, half_months=1)
    assert length.to_days(date(2023, 1, 10)).days == 45
    assert length.to_days(date(2023, 3, 10)).days == 46


def test_weeks_and_fractions_of_a_day_adequacy():
    """« deux semaines correspondent à 14 jours ; 0,5 jour à 1 jour ; 13,5 jours à 13 jours »."""
    assert SentenceLength(weeks=2).to_days(JAN_1).days == 14
    assert SentenceLength(days=Decimal("0.5")).to_days(JAN_1).days == 1
    converted = SentenceLength(days=Decimal("13.5")).to_days(JAN_1)
    assert converted.days == 13
    assert "13,5 arrondi à 13" in converted.rule_fr


def test_custody_credit_a_b_c_d_adequacy():
    """A = 45 days in custody at 1.5 (art. 719(3.1) C.cr.); B = 120 days;
    C = 45 x 1.5 = 67.5; D = 120 - 67.5 = 52.5, rounded down to 52 days."""
    credit = apply_custody_credit(SentenceDays(120, ""), PreSentenceCustody(45, Decimal("1.5")))
    assert (credit.time_in_custody, credit.sentence_without_credit) == (45, 120)
    assert (credit.credit_granted, credit.sentence_imposed) == (Decimal("67.5"), 52)
    assert "C = 45 × 1,5 = 67,5 jours" in credit.rule_fr
    assert "D = B − C = 52,5 jours, arrondi à 52 jours" in credit.rule_fr


def test_sentence_with_credit_dates_adequacy_and_reduction():
    """D = 52 days (previous case) from 1 Jan 2024: DPS 1/6 of 52 = 8.67 -> day 9 = 9 Jan;
    DLP 52 - 52 // 3 = 52 - 17 = day 35 = 4 Feb; DSC day 52 = 21 Feb."""
    sentence = Sentence("A", CCR, JAN_1, days(120), custody=PreSentenceCustody(45))
    result = compute_sentence_dates([sentence])
    assert result.global_days == 52
    assert result.temporary_absence.on == date(2024, 1, 9)
    assert result.probable_release.on == date(2024, 2, 4)
    assert result.sentence_complete.on == date(2024, 2, 21)


# --- One sentence (« Peine de moins de 6 mois », « Peine de 6 mois ou plus ») -------------


def test_ninety_days_short_sentence():
    """90 days from 1 Jan 2024 (« Peine de moins de 6 mois », « Réduction de peine »):
    DPS 1/6 of 90 = 15 -> day 15 = 15 Jan; no DLC (90 < 182 days in 6 months);
    DLP 90 - 30 = day 60 = 29 Feb (31 + 29 = 60); DSC day 90 = 30 Mar."""
    result = one(days(90))
    assert result.temporary_absence.on == date(2024, 1, 15)
    assert "1/6 de 90 jours = 15 jours" in result.temporary_absence.rule_fr
    assert "réinsertion sociale" in result.temporary_absence.label_fr
    assert result.parole is None
    assert result.probable_release.on == date(2024, 2, 29)
    assert "90 − 30 = 60e jour" in result.probable_release.rule_fr
    assert result.sentence_complete.on == date(2024, 3, 30)
    assert result.jurisdiction is Jurisdiction.PROVINCIAL


def test_nine_months_long_sentence():
    """9 months from 1 Jan 2024 = 1 Jan -> 1 Oct = 274 days (« Peine de 6 mois ou plus »):
    DPS 274/6 = 45.67 -> day 46 = 15 Feb; DLC 274/3 = 91.33 -> day 92 = 1 Apr (Jan + Feb +
    Mar = 91 days); DLP 274 - 91 = day 183 = 1 Jul (182 days to 30 Jun); DSC day 274 = 30 Sep."""
    result = one(SentenceLength(months=9))
    assert result.global_days == 274
    assert result.temporary_absence.on == date(2024, 2, 15)
    assert "préparatoire à la libération conditionnelle" in result.temporary_absence.label_fr
    assert result.parole.on == date(2024, 4, 1)
    assert "1/3 de 274 jours = 91,33 jours" in result.parole.rule_fr
    assert result.probable_release.on == date(2024, 7, 1)
    assert result.sentence_complete.on == date(2024, 9, 30)


def test_parole_only_from_six_months_art_143_lscq():
    """6 months from 1 Jan 2024 = 182 days (to 1 Jul). 182 days: DLC 182/3 = 60.67 -> day 61
    = 1 Mar. 181 days: under 6 months, no parole (art. 143 LSCQ)."""
    assert one(days(182)).parole.on == date(2024, 3, 1)
    assert one(days(181)).parole is None


def test_disciplinary_loss_moves_only_probable_release():
    """90 days from 1 Jan 2024, 12 reduction days lost (« Manquements disciplinaires »): the
    release is the first day k with k + (k // 2 - 12) >= 90: k = 68 (68 + 34 - 12 = 90;
    67 + 33 - 12 = 88). Day 68 = 8 Mar (day 60 = 29 Feb). DPS and DSC do not move."""
    result = one(days(90), disciplinary_loss_days=12)
    assert result.probable_release.day == 68
    assert result.probable_release.on == date(2024, 3, 8)
    assert result.temporary_absence.on == date(2024, 1, 15)
    assert result.sentence_complete.on == date(2024, 3, 30)


# --- Several sentences (« Peines multiples », « Peine concurrente », « Peine consécutive ») --


def test_ccr_plus_ccr_concurrent_on_different_days():
    """C.cr. 120 days from 1 Jan 2024 (days 1-120), C.cr. 150 days from 1 Feb (day 32):
    concurrent by default, days 32-181. Global 181 days < 182: no DLC.
    DPS 181/6 = 30.17 -> day 31 = 31 Jan; DLP 181 - 60 = day 121 = 30 Apr; DSC day 181 = 29 Jun."""
    result = compute_sentence_dates(
        [Sentence("A", CCR, JAN_1, days(120)), Sentence("B", CCR, date(2024, 2, 1), days(150))]
    )
    assert result.sentences[1].concurrency.follows == ()
    assert result.global_days == 181
    assert result.parole is None
    assert result.temporary_absence.on == date(2024, 1, 31)
    assert result.probable_release.on == date(2024, 4, 30)
    assert result.sentence_complete.on == date(2024, 6, 29)


def test_cpp_plus_cpp_consecutive_art_351_cpp():
    """Cpp 30 days issued 1 Jan 2024 (days 1-30), Cpp 60 days issued 10 Jan: issued the same
    day or later, so consecutive: days 31-90. Global 90: DPS 15 Jan, DLP 29 Feb, DSC 30 Mar."""
    result = compute_sentence_dates(
        [Sentence("A", CPP, JAN_1, days(30)), Sentence("B", CPP, date(2024, 1, 10), days(60))]
    )
    assert result.sentences[1].concurrency.follows == ("A",)
    assert result.sentences[1].begins_on == date(2024, 1, 31)
    assert result.global_days == 90
    assert result.sentence_complete.on == date(2024, 3, 30)


def test_cpp_warrant_issued_before_the_earlier_one_is_concurrent_footnote_15():
    """Cpp 30 days issued 1 Jan 2024; a Cpp warrant issued 15 Dec 2023, executed 10 Jan 2024
    (day 10), 60 days: issued earlier, so concurrent: days 10-69. DSC day 69 = 9 Mar."""
    result = compute_sentence_dates(
        [
            Sentence("A", CPP, JAN_1, days(30)),
            Sentence("B", CPP, date(2024, 1, 10), days(60), issued_on=date(2023, 12, 15)),
        ]
    )
    assert result.sentences[1].concurrency.follows == ()
    assert result.global_days == 69
    assert result.sentence_complete.on == date(2024, 3, 9)


@pytest.mark.parametrize(
    ("cpp_issued_on", "global_days"),
    [(date(1996, 2, 29), 30), (date(1996, 3, 1), 50)],
)
def test_ccr_then_cpp_consecutive_from_1_march_1996_footnote_16(cpp_issued_on, global_days):
    """C.cr. 30 days from 20 Feb 1996 (days 1-30), then Cpp 20 days.
    Issued 29 Feb 1996 (day 10), before the rule: concurrent, days 10-29, global 30.
    Issued 1 Mar 1996 (day 11): consecutive, days 31-50, global 50."""
    result = compute_sentence_dates(
        [Sentence("A", CCR, date(1996, 2, 20), days(30)), Sentence("B", CPP, cpp_issued_on, days(20))]
    )
    assert result.global_days == global_days


def test_cpp_then_ccr_concurrent_by_default():
    """Cpp 30 days from 1 Jan 2024, C.cr. 40 days from 5 Jan (day 5): concurrent unless the
    judge orders otherwise, days 5-44. Global 44 days, DSC day 44 = 13 Feb."""
    result = compute_sentence_dates(
        [Sentence("A", CPP, JAN_1, days(30)), Sentence("B", CCR, date(2024, 1, 5), days(40))]
    )
    assert result.global_days == 44
    assert result.sentence_complete.on == date(2024, 2, 13)


def test_judge_orders_a_cpp_sentence_concurrent():
    """The judge's order overrides the table (art. 718.3(4) C.cr.): Cpp 30 + Cpp 20 concurrent
    from day 5 (5 Jan) -> days 5-24, global stays 30."""
    result = compute_sentence_dates(
        [
            Sentence("A", CPP, JAN_1, days(30)),
            Sentence("B", CPP, date(2024, 1, 5), days(20), order=JudgeOrder.CONCURRENT),
        ]
    )
    assert result.global_days == 30


def test_consecutive_ccr_imposed_before_parole_eligibility():
    """C.cr. 9 months from 1 Jan 2024 = 274 days, DLC day 92 (1 Apr). C.cr. 90 days ordered
    consecutive on 1 Feb (before 1 Apr): days 275-364. DLC 1/3 of each = 91.33 + 30 = 121.33
    = 1/3 of 364 -> day 122 = 1 May. DPS 364/6 = 60.67 -> day 61 = 1 Mar.
    DLP 364 - 121 = day 243 = 30 Aug (213 days to 31 Jul). DSC day 364 = 29 Dec 2024."""
    result = compute_sentence_dates(
        [
            Sentence("A", CCR, JAN_1, SentenceLength(months=9)),
            Sentence("B", CCR, date(2024, 2, 1), days(90), order=JudgeOrder.CONSECUTIVE),
        ]
    )
    assert result.global_days == 364
    assert result.parole.on == date(2024, 5, 1)
    assert "le tiers de chaque peine" in result.parole.rule_fr
    assert result.temporary_absence.on == date(2024, 3, 1)
    assert result.probable_release.on == date(2024, 8, 30)
    assert result.sentence_complete.on == date(2024, 12, 29)


def test_consecutive_ccr_imposed_after_parole_eligibility_art_120_1():
    """Same first sentence (DLC 1 Apr 2024). C.cr. 60 days consecutive to case "A", imposed
    1 May (day 122, after 1 Apr): days 275-334. DLC: 1/3 of the new sentence from the
    execution of the warrant = 20 days -> day 122 + 20 - 1 = 141 = 20 May.
    DLP 334 - 111 = day 223 = 10 Aug; DSC day 334 = 29 Nov."""
    result = compute_sentence_dates(
        [
            Sentence("A", CCR, JAN_1, SentenceLength(months=9)),
            Sentence(
                "B",
                CCR,
                date(2024, 5, 1),
                days(60),
                order=JudgeOrder.CONSECUTIVE_TO_NAMED,
                consecutive_to="A",
            ),
        ]
    )
    assert result.parole.on == date(2024, 5, 20)
    assert "dès l'exécution du mandat" in result.parole.rule_fr
    assert result.probable_release.on == date(2024, 8, 10)
    assert result.sentence_complete.on == date(2024, 11, 29)


def test_consecutive_to_current_excludes_same_day_sentences():
    """« consécutive à la peine purgée actuellement »: only sentences imposed on earlier days.
    C.cr. 30 days 1 Jan; C.cr. 10 days 1 Jan; C.cr. 20 days 5 Jan "consecutive to the current
    one": follows both 1 Jan sentences -> days 31-50. A third on 1 Jan consecutive to current
    would follow nothing."""
    result = compute_sentence_dates(
        [
            Sentence("A", CCR, JAN_1, days(30)),
            Sentence("B", CCR, JAN_1, days(10), order=JudgeOrder.CONSECUTIVE_TO_CURRENT),
            Sentence("C", CCR, date(2024, 1, 5), days(20), order=JudgeOrder.CONSECUTIVE_TO_CURRENT),
        ]
    )
    assert result.sentences[1].concurrency.follows == ()
    assert result.sentences[2].concurrency.follows == ("A", "B")
    assert result.global_days == 50


# --- Two years less a day (« Règle des sentences de 2 ans moins un jour ») -------------------


def test_two_years_less_a_day_single_sentence():
    """From 1 Jan 2024, two years = 1 Jan 2026 = 366 + 365 = 731 days.
    730 days: under two years, provincial. 731 days: penitentiary, no DPS/DLC/DLP, transfer
    on the 16th day after the sentence (15-day committal delay): 17 Jan 2024."""
    assert one(days(730)).jurisdiction is Jurisdiction.PROVINCIAL
    federal = one(days(731))
    assert federal.jurisdiction is Jurisdiction.FEDERAL
    assert (federal.temporary_absence, federal.parole, federal.probable_release) == (None, None, None)
    assert federal.federal_transfer.on == date(2024, 1, 17)


def test_two_year_rule_uses_the_remainder_guide_example():
    """The guide's example: 18 months, then 10 months consecutive after 8 months served.
    18 months from 1 Jan 2023 = 1 Jul 2024 = 547 days. Second imposed 1 Sep 2023 = day 244
    (243 days served); it begins 1 Jul 2024, 10 months to 1 May 2025 = 304 days.
    Global 851 days, 28 months; remainder 851 - 243 = 608 days < 731 (1 Sep 2023 -> 1 Sep 2025)."""
    result = compute_sentence_dates(
        [
            Sentence("A", CCR, date(2023, 1, 1), SentenceLength(months=18)),
            Sentence("B", CCR, date(2023, 9, 1), SentenceLength(months=10), order=JudgeOrder.CONSECUTIVE),
        ]
    )
    assert result.global_days == 851
    assert result.jurisdiction is Jurisdiction.PROVINCIAL
    assert "reliquat 851 − 243 jours purgés = 608 jours" in result.jurisdiction_rule_fr


# --- Interruptions (« Évasion ou liberté illégale », « Sentence en appel ») -----------------


def test_escape_moves_the_dates_after_it():
    """90 days from 1 Jan 2024; escape on 20 Jan, arrested 30 Jan: 10 days do not count
    (art. 719(2) C.cr.). DPS 15 Jan is before the escape and stays; DLP 29 Feb + 10 = 10 Mar;
    DSC 30 Mar + 10 = 9 Apr."""
    escape = Interruption(InterruptionKind.ESCAPE, date(2024, 1, 20), date(2024, 1, 30))
    result = one(days(90), interruptions=[escape])
    assert result.temporary_absence.on == date(2024, 1, 15)
    assert result.probable_release.on == date(2024, 3, 10)
    assert result.sentence_complete.on == date(2024, 4, 9)
    assert "10 jours non comptés" in result.sentence_complete.rule_fr


def test_release_pending_appeal_moves_every_later_date():
    """90 days from 1 Jan 2024; released pending appeal 10 Jan, back 10 Mar: 21 + 29 + 10 = 60
    days (art. 719(4) C.cr.). DPS 15 Jan + 60 = 15 Mar; DLP 29 Feb + 60 = 29 Apr;
    DSC 30 Mar + 60 = 29 May."""
    appeal = Interruption(InterruptionKind.RELEASE_PENDING_APPEAL, date(2024, 1, 10), date(2024, 3, 10))
    result = one(days(90), interruptions=[appeal])
    assert result.temporary_absence.on == date(2024, 3, 15)
    assert result.probable_release.on == date(2024, 4, 29)
    assert result.sentence_complete.on == date(2024, 5, 29)


def test_consecutive_sentence_for_the_escape():
    """90 days from 1 Jan 2024, escape 20-30 Jan (10 days). Sentenced on 30 Jan (day 20) to
    30 days consecutive: days 91-120. DSC day 120 = 29 Apr (91 days to 31 Mar) + 10 = 9 May."""
    escape = Interruption(InterruptionKind.UNLAWFULLY_AT_LARGE, date(2024, 1, 20), date(2024, 1, 30))
    result = compute_sentence_dates(
        [
            Sentence("A", CCR, JAN_1, days(90)),
            Sentence("Évasion", CCR, date(2024, 1, 30), days(30), order=JudgeOrder.CONSECUTIVE),
        ],
        interruptions=[escape],
    )
    assert result.global_days == 120
    assert result.sentence_complete.on == date(2024, 5, 9)


# --- Validation: named exceptions, one French sentence naming the field ---------------------


@pytest.mark.parametrize(
    ("build", "error", "field"),
    [
        (lambda: SentenceLength(days=-3), InvalidDurationError, "Peine (jours)"),
        (lambda: SentenceLength(), InvalidDurationError, "Peine"),
        (lambda: SentenceLength(days=1.5), InvalidDurationError, "Peine (jours)"),
        (lambda: SentenceLength(months=-1), InvalidDurationError, "Peine (mois)"),
        (lambda: PreSentenceCustody(0), InvalidDurationError, "Détention provisoire"),
        (lambda: PreSentenceCustody(10, Decimal("1.6")), InvalidCreditRatioError, "Ratio de crédit"),
        (
            lambda: Sentence("A", CCR, JAN_1, days(10), issued_on=date(2024, 1, 2)),
            ImpossibleDateError,
            "Peine « A »",
        ),
        (
            lambda: Interruption(InterruptionKind.ESCAPE, date(2024, 1, 5), date(2024, 1, 5)),
            ImpossibleDateError,
            "Interruption (évasion)",
        ),
        (
            lambda: one(days(90), disciplinary_loss_days=16),
            DisciplinaryLossError,
            "Perte de jours de réduction",
        ),
        (
            lambda: compute_sentence_dates(
                [
                    Sentence(
                        "B", CCR, JAN_1, days(9), order=JudgeOrder.CONSECUTIVE_TO_NAMED, consecutive_to="Z"
                    )
                ]
            ),
            UnknownSentenceError,
            "Peine « B »",
        ),
        (
            lambda: apply_custody_credit(SentenceDays(60, ""), PreSentenceCustody(45)),
            InvalidDurationError,
            "Détention provisoire",
        ),
    ],
)
def test_bad_input_raises_a_named_error_naming_the_field(build, error, field):
    with pytest.raises(error) as raised:
        build()
    message = str(raised.value)
    assert message.startswith(f"{field} :")
    assert "\n" not in message


def test_sentence_starting_during_an_escape_is_impossible():
    escape = Interruption(InterruptionKind.ESCAPE, date(2024, 1, 20), date(2024, 1, 30))
    with pytest.raises(ImpossibleDateError, match="^Peine « B » \\(date de début\\) :"):
        compute_sentence_dates(
            [Sentence("A", CCR, JAN_1, days(90)), Sentence("B", CCR, date(2024, 1, 25), days(9))],
            interruptions=[escape],
        )


def test_sentence_after_release_is_not_merged():
    """« Peines imposées à des journées différentes »: a sentence beginning after the release at
    the DLP (30 days -> day 20 = 20 Jan) is administered separately; during parole it merges."""
    first = Sentence("A", CCR, JAN_1, days(30))
    later = Sentence("B", CCR, date(2024, 1, 21), days(10))
    with pytest.raises(SentencesNotMergedError):
        compute_sentence_dates([first, later])
    assert compute_sentence_dates(
        [first, Sentence("B", CCR, date(2024, 1, 21), days(10), imposed_during_parole=True)]
    )


def test_all_errors_share_a_base_class():
    assert issubclass(SentencesNotMergedError, SentenceInputError)
    assert issubclass(SentenceInputError, ValueError)


def test_disclaimer_names_the_official_computation():
    assert "Services correctionnels du Québec" in DISCLAIMER_FR
    assert "estimation" in DISCLAIMER_FR


# --- Invariants -------------------------------------------------------------------------

lengths = st.integers(min_value=1, max_value=729)
starts = st.dates(min_value=date(1997, 1, 1), max_value=date(2040, 12, 31))


@given(total=lengths)
def test_release_day_is_two_thirds_rounded_up(total):
    """One reduction day per two days, up to a third: release on day ceil(2N/3) (« Réduction de peine »)."""
    assert release_day(total) == -(-2 * total // 3)


@given(total=lengths, denominator=st.sampled_from([3, 6]))
def test_a_completed_fraction_is_never_short_of_the_fraction(total, denominator):
    """« au minimum le sixième »: the day reached covers the fraction, and one day less would not."""
    day, _ = completed_fraction(total, denominator)
    assert day * denominator >= total > (day - 1) * denominator


@given(total=lengths, lost=st.integers(min_value=0, max_value=15))
def test_a_loss_delays_release_by_at_most_the_loss(total, lost):
    assert release_day(total) <= release_day(total, lost) <= min(total, release_day(total) + lost)


@given(total=lengths, start=starts)
def test_dates_are_in_order(total, start):
    result = one(days(total), starts_on=start)
    ordered = [result.temporary_absence, result.parole, result.probable_release, result.sentence_complete]
    dates = [m.on for m in ordered if m is not None]
    assert dates == sorted(dates)
    assert result.sentence_complete.on == start + timedelta(days=total - 1)
    assert all(m.rule_fr for m in ordered if m is not None)


@given(
    total=st.integers(min_value=2, max_value=729), start=starts, gap=st.integers(min_value=1, max_value=60)
)
def test_an_interruption_moves_the_end_by_its_length(total, start, gap):
    """Art. 719(2) C.cr.: the time left is served after the arrest, so the DSC moves by the gap."""
    left = start + timedelta(days=1)
    escape = Interruption(InterruptionKind.ESCAPE, left, left + timedelta(days=gap))
    moved = one(days(total), starts_on=start, interruptions=[escape])
    assert moved.sentence_complete.on == start + timedelta(days=total - 1 + gap)


@given(st.decimals(min_value=Decimal("0.1"), max_value=Decimal("1000"), places=1))
def test_rounding_never_adds_a_day_except_below_one(value):
    rounded = whole_days(value)
    assert rounded >= 1
    assert rounded <= value or value < 1
