"""Entry script of the frozen application: the same ``lawyer-billing`` command."""

import sys

from lawyer_billing.cli import main

sys.exit(main())
