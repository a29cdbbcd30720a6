"""Scorers against gold sets: ``dateline eval``. Figures go to BENCHMARKS.md."""
