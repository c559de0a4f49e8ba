"""Practitioner tools that are not billing: the sentence calculator and the DPCP e-mail.

- ``sentence`` (with ``sentence_days``, ``sentence_concurrency``, ``sentence_timeline`` and
  ``sentence_errors``): from the sentences on the warrants to the dates a client may leave
  (Guide de calcul des peines, MSP, 2022);
- ``dpcp_email``: the message to the Montréal prosecutors' negotiation service (DPCP notice
  of 24 November 2020);
- ``french_dates``: dates and times spelled the way both print them.

Each takes plain values and returns frozen values; nothing here reads the clock.
"""
