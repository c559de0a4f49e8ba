"""The rules of annex II, one module per part of the entente they encode.

``domain/pricing.py`` builds one working ``Line`` per service (``line.py``), then hands the
whole list to each stage in the order its docstring writes down once: the base figure
(``base.py``, with the class of the action where the annex sets it, ``civil_classes.py``),
special consideration (``special_consideration.py``), half-days and units
(``half_day.py``), additions and fractions (``additions.py``), several informations
(``multiple_informations.py``, T98), several beneficiaries (``several_beneficiaries.py``, T99,
T187, T201.1), maximum counts (``maximum_counts.py``) and the pre-submission checks
(``checks.py``). Each rule is a small function whose docstring quotes its article; it records
an ``AppliedRule`` on every line whose amount it changes, and findings rather than exceptions.
"""
