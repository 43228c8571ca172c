"""Pure rules, no Django: the progression engine, the red-flag screen, SVG chart drawing.

Tested without a database; everything else in progress/ builds on them.
"""
