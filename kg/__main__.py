"""``python -m kg`` works like the ``kg`` command."""
import sys

from .cli import main

sys.exit(main())
