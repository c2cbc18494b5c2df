"""``python -m bot.cli``, like ``debate-cli``."""

import sys

from . import main

sys.exit(main())
