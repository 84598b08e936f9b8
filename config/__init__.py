"""The project's one Settings object (prefix AGENDA_), apart from the adapters that use it."""
