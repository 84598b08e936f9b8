"""The only modules that talk to the outside: settings, Redis streams, embedded services."""
