"""Domain services: every write goes through here, commits, then broadcasts."""
