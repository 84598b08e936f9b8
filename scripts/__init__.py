"""Command-line entry points (scripts/up, scripts/test, migrations, benchmarks, jobs)."""
