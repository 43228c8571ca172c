"""Rung illustrations: a pictogram body drawn as SVG from a small description, no Django.

* ``body``: the skeleton. A pose is a set of segment angles; ``joints`` places them.
* ``draw``: a description (the JSON a rung stores in ``Rung.figure``) → SVG markup: a looping
  figure moving from the start to the end position, and a still "start → end" strip.
* ``shipped``: the descriptions of the shipped catalog's rungs, loaded by ``load_catalog``.
"""
