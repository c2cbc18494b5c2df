"""The thin Discord layer: slash commands and paced debate rounds over the core engine and templates."""
