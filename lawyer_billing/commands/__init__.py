"""The headless subcommands of ``lawyer-billing``, one module each.

Every module listed in ``cli.COMMANDS`` has ``HELP`` (one French line for ``--help``),
``add_arguments(parser)`` and ``run(args) -> int``. Importing a command module must stay
light (standard library and the domain only): the parser imports them all, and ``compute``
must load neither Qt nor SQLAlchemy. Heavy imports go inside ``run``.
"""
