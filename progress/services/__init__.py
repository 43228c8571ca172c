"""Every write, one transaction each (the suggestions refresh included where a write needs it).

Services are named <entity>_<action>, take the user and the moment they act at from their
caller, and lock their owner's row before they look and insert (services/locks.py).
"""
