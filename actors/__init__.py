"""Ray actors: tenant agendas hosted in actor processes, and how salons are placed on them."""
