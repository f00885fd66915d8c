"""The yearly schedule of open competitions: planned rows, the Team's comments, publication and changes."""
