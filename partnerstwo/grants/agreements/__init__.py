"""Agreements on grants and the reports on them (art. 16, 18)."""
