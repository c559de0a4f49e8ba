"""Documents: the relevé d'honoraires (PDF, Excel) letters, and the iCalendar export of deadlines (``ics``). Builders take computed values, never a database connection."""
