"""Findings: problems the lawyer must see, returned as data rather than raised.

A computation that meets a gap it must not paper over (a rate nobody has entered, a period
whose Bank of Canada rate is not known yet) still returns its result, with findings saying
what is missing and which article needs it. The UI lists them; the rules engine and the
pre-submission checks return the same value, so one list can hold them all.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One problem to show: a stable ``code`` for filtering and tests, a French sentence for
    the lawyer, the article it comes from (e.g. ``"entente art. 20"``) and what it is about
    (a date, a line id, a statement reference), as text the UI can display or link."""

    code: str
    message_fr: str
    article: str
    subject: str = ""

    @property
    def subjects(self) -> frozenset[str]:
        """The ids ``subject`` names: a finding about several lines lists them ``"S1, S2"``."""
        return frozenset(part.strip() for part in self.subject.split(",") if part.strip())
