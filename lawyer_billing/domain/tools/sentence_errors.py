"""Why the sentence calculator refuses its input: one named exception per kind of mistake.

Each message is one French sentence naming the field to correct, so a form can show it
beside that field. They all derive from ``SentenceInputError`` so a caller can catch them
together.
"""


class SentenceInputError(ValueError):
    """Input the calculator cannot compute from; the message names the field in French."""


class InvalidDurationError(SentenceInputError):
    """A duration that is negative, zero, fractional where it must be whole, or not a number."""


class UnknownSentenceError(SentenceInputError):
    """A consecutive order names a sentence that is not among the earlier ones, or two share a name."""


class ImpossibleDateError(SentenceInputError):
    """A start, issue or interruption date that cannot be (a sentence beginning before it was imposed)."""


class InvalidCreditRatioError(SentenceInputError):
    """A pre-sentence custody credit ratio outside 0 to 1.5 day per day (art. 719(3.1) C.cr.)."""


class DisciplinaryLossError(SentenceInputError):
    """A loss of reduction days outside 0 to 15 (art. 74 RALSCQ)."""


class SentencesNotMergedError(SentenceInputError):
    """A sentence beginning after the earlier ones expired: the guide computes it separately."""
