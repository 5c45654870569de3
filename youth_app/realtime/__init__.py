"""Socket.IO: room names and every emit (broadcast.py), coalesced counts (ticker.py), handlers (events.py)."""
