"""Open-data imports: the CORDIS bulk files and the cohesion-policy lists of operations, written
against the ontology with their provenance, and one node per organisation across sources
(``resolve``). See README.md in this folder."""
