"""Headless commands: each reads its input, calls into the domain and writes its output.

No command here opens a database or imports Qt; ``cli.py`` registers them and passes the
arguments on. ``compute`` turns a JSON scenario into a JSON result (``docs/compute-format.md``).
"""
