"""Practitioner tools that are not billing: sentence calculator, penal deadlines, DPCP e-mail.

- ``sentence``: from the sentences on the warrants to the dates a client may leave (Guide
  de calcul des peines, MSP, 2022), built on ``sentence_days`` (conversion, custody credit),
  ``sentence_concurrency`` (concurrent or consecutive), ``sentence_timeline`` (interruptions),
  ``sentence_reduction`` (fractions, reduction), ``sentence_jurisdiction`` (two years less a
  day) and ``sentence_errors``;
- ``dpcp_email``: the message to the Montréal prosecutors' negotiation service (DPCP notice
  of 24 November 2020);
- ``penal_deadlines``: the periods of the Code of Penal Procedure (resources/penal/periods.yaml),
  computed with the CPP art. 17 rules of ``domain/calendar``;
- ``french_dates``: dates and times spelled the way both print them.

Each takes plain values and returns frozen values; nothing here reads the clock.
"""
