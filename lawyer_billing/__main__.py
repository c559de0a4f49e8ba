"""``python -m lawyer_billing`` runs the same entry point as the ``lawyer-billing`` command."""

import sys

from lawyer_billing.cli import main

sys.exit(main())
