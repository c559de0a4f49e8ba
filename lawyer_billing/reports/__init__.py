"""Documents: the relevé d'honoraires (PDF, Excel) and letters. Builders take computed values, never a database connection."""
