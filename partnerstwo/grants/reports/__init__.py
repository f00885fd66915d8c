"""Reports on the tasks of agreements (art. 18)."""
