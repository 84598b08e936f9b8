"""Pure domain of Agenda Cheia: values, commands, events and decisions, with no I/O."""
