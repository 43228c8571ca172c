"""Pure rules, no Django: the progression engine, the red-flag screen, SVG chart drawing,
the one mean (stats.py) and the one way to word a day (dates.py).

Tested without a database; everything else in progress/ builds on them.
"""
