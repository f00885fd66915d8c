"""Benchmarks of the public pages at realistic scale: `python -m bench` (or `make bench`).

Not tests: they never run in `make test`. See docs/performance.md.
"""
