"""Linked data for harvesters: dereferencing, VoID, DCAT-AP, dumps, LDES feed, TPF, sitemap.

See ``README.md`` in this folder for the IRI policy and what a harvester can do.
"""
