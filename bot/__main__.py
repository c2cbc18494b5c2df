"""``python -m bot`` starts the Discord bot, like ``debate-bot``."""

from .discord_app.main import main

raise SystemExit(main())
