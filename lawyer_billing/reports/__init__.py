"""Documents, built from computed values, never from a database connection.

- ``statement_pdf``: the relevé d'honoraires and the état des débours (art. 19) as PDF;
- ``statement_xlsx``: the relevé as an Excel workbook with a summary by mandate, month and
  fiscal year; ``year_xlsx`` the statements of a year, one sheet each after their summary;
- ``letter_pdf``, ``letter_docx``: the letters of the entente (``domain.letters``), the DOCX
  to be edited before sending;
- ``pdf_layout``, ``styles``: what the PDFs share (escaped user text, the letterhead, « Page x
  de y ») and the page styles of ``resources/reports/styles.yaml`` with the shipped DejaVu Sans;
- ``ics``: the deadlines as an iCalendar file.

Data flows one way: ``domain.statement.Statement`` or ``domain.letters.Letter`` in, bytes out;
the caller decides where the bytes go.
"""
