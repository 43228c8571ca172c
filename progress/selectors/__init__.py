"""Reads a page needs, each in a fixed number of queries whatever the user's history."""
