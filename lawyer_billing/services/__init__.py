"""Use cases (log a day in court, prepare a statement, record a refusal): each takes a unit of work and returns what changed."""
