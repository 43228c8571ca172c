"""Pure rules, no Django: the progression engine, the red-flag screen, SVG chart drawing,
the one mean (stats.py), the one way to word a day (dates.py), the late check-ins
(mornings.py), starting rungs for the equipment at hand (equipment.py) and when reminders
are due (reminders.py).

Tested without a database; everything else in progress/ builds on them.
"""
