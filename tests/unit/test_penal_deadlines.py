"""Penal deadlines (Code of Penal Procedure): each named article computed by hand.

CPP art. 17: the starting day is not counted, the last day is; a last day on a Saturday or a
holiday (art. 18) moves to the next juridical day. The starts of the named articles are
chosen so that the raw last day is a Saturday, a Sunday or a holiday and moves.
"""

from datetime import date
from pathlib import Path

import pytest

from lawyer_billing.domain.deadlines import DeadlineKind, deadline_status
from lawyer_billing.domain.tools.penal_deadlines import (
    PenalDataError,
    PenalPeriodError,
    find_penal_period,
    penal_deadline,
    penal_periods,
)

NAMED_ARTICLES = ("160", "252", "271", "296", "304", "305")


@pytest.mark.parametrize(
    ("article", "start", "raw_end", "due"),
    [
        # art. 160: plea within 30 days after service; served Fri 2024-05-03, day 30 is
        # Sun 2024-06-02, moved to Mon 2024-06-03.
        ("160", date(2024, 5, 3), date(2024, 6, 2), date(2024, 6, 3)),
        # art. 252: 15 days after knowledge of the judgment; known Tue 2024-03-14,
        # day 15 is Good Friday 2024-03-29, Sat 30, Sun 31, Easter Monday 1 April -> Tue 2 April.
        ("252", date(2024, 3, 14), date(2024, 3, 29), date(2024, 4, 2)),
        # art. 271: appeal within 30 days of the judgment; judgment Thu 2024-05-23, day 30 is
        # Sat 2024-06-22, Sun 23, 24 June holiday (art. 18 (6)) -> Tue 2024-06-25.
        ("271", date(2024, 5, 23), date(2024, 6, 22), date(2024, 6, 25)),
        # art. 296: leave to appeal within 30 days; judgment Tue 2024-11-26, day 30 is
        # Thu 2024-12-26 (art. 18 (10)) -> Fri 2024-12-27.
        ("296", date(2024, 11, 26), date(2024, 12, 26), date(2024, 12, 27)),
        # art. 304: appellant's factum within 60 days of the judgment granting leave; leave
        # Wed 2024-07-03, day 60 is Sun 2024-09-01, Mon 2 September is Labour Day
        # (art. 18 (8)) -> Tue 2024-09-03.
        ("304", date(2024, 7, 3), date(2024, 9, 1), date(2024, 9, 3)),
        # art. 305: respondent's factum within 60 days of the filing of the appellant's
        # factum; filed Tue 2024-11-26, day 60 is Sat 2025-01-25 -> Mon 2025-01-27.
        ("305", date(2024, 11, 26), date(2025, 1, 25), date(2025, 1, 27)),
    ],
)
def test_named_articles_computed_by_hand(article, start, raw_end, due):
    assert (raw_end - start).days == find_penal_period(article).days
    deadline = penal_deadline(article, start)
    assert deadline.due == due
    assert deadline.due != raw_end
    assert deadline.kind is DeadlineKind.PENAL
    assert deadline.article == f"C.p.p. art. {article}"
    assert deadline.starts_on == start
    assert f"art. {article} C.p.p." in deadline.note_fr
    assert deadline.alternatives == ()


def test_a_last_day_on_a_weekday_stays():
    # art. 271: judgment Mon 2024-03-04, day 30 is Wed 2024-04-03.
    assert penal_deadline("271", date(2024, 3, 4)).due == date(2024, 4, 3)


def test_holidays_added_by_the_user_move_the_last_day():
    # art. 160, served Mon 2024-03-04: day 30 is Wed 2024-04-03; a day fixed by the
    # Government (art. 18 (11)) on that Wednesday moves it to Thu 2024-04-04.
    assert penal_deadline("160", date(2024, 3, 4), extra=(date(2024, 4, 3),)).due == date(2024, 4, 4)


def test_respondent_factum_runs_from_the_filing_not_from_the_appellant_deadline():
    # art. 305: "dans les 60 jours de la production du mémoire de l'appelant". Leave on
    # Wed 2024-07-03 (art. 304 ends Tue 2024-09-03); the appellant files early, on Thu
    # 2024-08-01: the respondent's 60 days end Mon 2024-09-30.
    appellant = penal_deadline("304", date(2024, 7, 3))
    respondent = penal_deadline("305", date(2024, 8, 1))
    assert appellant.due == date(2024, 9, 3)
    assert respondent.due == date(2024, 9, 30)


def test_periods_in_months_and_years():
    # art. 11 (4): six months of the stay of Thu 2023-08-31; February 2024 has no 31st, so
    # the period ends on its last day, Thu 2024-02-29, a juridical day.
    assert penal_deadline("11", date(2023, 8, 31)).due == date(2024, 2, 29)
    # art. 14: one year from the offence of Sat 2023-06-24; the anniversary, Mon 2024-06-24,
    # is a holiday (art. 18 (6)) -> Tue 2024-06-25.
    assert penal_deadline("14", date(2023, 6, 24)).due == date(2024, 6, 25)


def test_clear_days_counted_back_from_the_hearing():
    # art. 32: five clear days before an application presented Wed 2024-03-20: neither the
    # 20th nor the day of service is counted (art. 17), so 15-19 are the five clear days and
    # the last day to serve is Thu 2024-03-14.
    deadline = penal_deadline("prior_notice", date(2024, 3, 20))
    assert deadline.due == date(2024, 3, 14)
    assert deadline.alternatives == ()


def test_a_notice_day_that_is_not_juridical_moves_back():
    # art. 40: five clear days before an examination on Fri 2024-03-22: the raw last day is
    # Sat 2024-03-16; moving it later would shorten the notice, so Fri 2024-03-15 is kept and
    # the Saturday is the alternative reading.
    deadline = penal_deadline("witness_summons", date(2024, 3, 22))
    assert deadline.due == date(2024, 3, 15)
    assert [a.due for a in deadline.alternatives] == [date(2024, 3, 16)]


def test_a_period_counted_back_without_clear_days():
    # art. 65: "au moins dix jours avant" a trial on Mon 2024-03-25: the trial day is not
    # counted, the notice day is: Fri 2024-03-15.
    assert penal_deadline("65", date(2024, 3, 25)).due == date(2024, 3, 15)


def test_the_list_holds_the_named_articles_with_their_words():
    periods = {p.article: p for p in penal_periods()}
    for article in NAMED_ARTICLES:
        assert article in periods
    assert "dans les 30 jours de la signification du constat" in periods["160"].text_fr
    assert "within 30 days after service of the statement" in periods["160"].text_en
    assert periods["252"].starts_fr == "la prise de connaissance du jugement déclarant coupable"
    assert periods["305"].starts_en == "the filing of the factum of the appellant"
    assert all(not p.clear for p in (periods[a] for a in NAMED_ARTICLES))


def test_every_period_loads_and_computes():
    periods = penal_periods()
    assert len({p.key for p in periods}) == len(periods) >= 40
    for period in periods:
        deadline = penal_deadline(period, date(2024, 3, 20))
        assert deadline.label_fr == period.label_fr
        assert (deadline.due < date(2024, 3, 20)) == period.counted_back


def test_lengths_read_in_french():
    assert find_penal_period("160").length_fr == "30 jours"
    assert find_penal_period("prior_notice").length_fr == "5 jours francs"
    assert find_penal_period("93").length_fr == "1 jour franc"
    assert find_penal_period("326").length_fr == "2 ans"
    assert find_penal_period("11").length_fr == "6 mois"


def test_an_article_with_two_periods_must_be_named():
    with pytest.raises(PenalPeriodError, match="plusieurs délais"):
        find_penal_period("40")
    assert find_penal_period("witness_summons_official").days == 10
    with pytest.raises(PenalPeriodError, match="Aucun délai"):
        find_penal_period("999")


def test_a_penal_deadline_has_a_status_like_any_other():
    deadline = penal_deadline("271", date(2024, 3, 4))  # due Wed 2024-04-03
    assert deadline_status(deadline, date(2024, 3, 27)).reminders_reached == (60, 30, 7)


_GOOD_ENTRY = """\
  - id: plea
    article: "160"
    label_fr: Plaidoyer
    label_en: Plea
    starts_fr: la signification
    starts_en: service
    text_fr: "dans les 30 jours"
    text_en: "within 30 days"
"""


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "periods.yaml"
    path.write_text("periods:\n" + body, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path):
    (period,) = penal_periods(_write(tmp_path, _GOOD_ENTRY + "    days: 30\n"))
    assert (period.key, period.days, period.counted_back) == ("plea", 30, False)


@pytest.mark.parametrize(
    ("extra_lines", "message"),
    [
        ("    days: 30\n    day: 3\n", "entrée « plea » : clé inconnue « day »"),
        ("", "entrée « plea » : la durée manque"),
        ("    days: -30\n", "entrée « plea » : « days » doit être un nombre entier positif"),
        ("    days: 1.5\n", "entrée « plea » : « days » doit être un nombre entier positif"),
        ("    days: true\n", "entrée « plea » : « days » doit être un nombre entier positif"),
        ("    days: '30'\n", "entrée « plea » : « days » doit être un nombre entier positif"),
        ("    days: 30\n    counting: backwards\n", "« counting » doit valoir after ou before"),
        ("    months: 1\n    counting: before\n", "à rebours s'exprime en jours"),
        ("    days: 5\n    clear: true\n", "jours francs"),
        ("    days: 5\n    clear: yes please\n", "« clear » doit valoir true ou false"),
    ],
)
def test_a_bad_entry_is_rejected_naming_file_and_entry(tmp_path, extra_lines, message):
    path = _write(tmp_path, _GOOD_ENTRY + extra_lines)
    with pytest.raises(PenalDataError, match="periods.yaml, ") as caught:
        penal_periods(path)
    assert message in str(caught.value)


def test_other_bad_files_are_rejected(tmp_path):
    missing_key = _GOOD_ENTRY.replace('    text_en: "within 30 days"\n', "") + "    days: 30\n"
    with pytest.raises(PenalDataError, match="entrée « plea » : clé manquante « text_en »"):
        penal_periods(_write(tmp_path, missing_key))
    number_article = _GOOD_ENTRY.replace('article: "160"', "article: 160") + "    days: 30\n"
    with pytest.raises(PenalDataError, match="« article » doit être un texte"):
        penal_periods(_write(tmp_path, number_article))
    twice = (_GOOD_ENTRY + "    days: 30\n") * 2
    with pytest.raises(PenalDataError, match="entrée « plea » : identifiant en double"):
        penal_periods(_write(tmp_path, twice))
    with pytest.raises(PenalDataError, match="entrée n° 1 : l'entrée doit être un dictionnaire"):
        penal_periods(_write(tmp_path, "  - just text\n"))
    unknown_top = tmp_path / "top.yaml"
    unknown_top.write_text("periods: []\nperiode: 1\n", encoding="utf-8")
    with pytest.raises(PenalDataError, match="top.yaml : clé inconnue « periode »"):
        penal_periods(unknown_top)
    unknown_top.write_text("description: d\n", encoding="utf-8")
    with pytest.raises(PenalDataError, match="top.yaml : le fichier doit contenir une clé « periods »"):
        penal_periods(unknown_top)
    unknown_top.write_text("periods: {plea: 1}\n", encoding="utf-8")
    with pytest.raises(PenalDataError, match="top.yaml : « periods » doit être une liste de délais"):
        penal_periods(unknown_top)
    with pytest.raises(PenalDataError, match="introuvable"):
        penal_periods(tmp_path / "absent.yaml")
