"""Reads a page needs, each in a fixed number of queries whatever the user's history:
Today (today.py), the dashboard (dashboard.py) and the latest safety screen (screens.py)."""
