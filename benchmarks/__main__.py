"""``python -m benchmarks``: the one entry point (see benchmarks/run.py)."""

from .run import main

raise SystemExit(main())
