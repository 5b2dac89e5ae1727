"""Ranking for the catalogue: lexical (best match over lemmas), semantic (passage embeddings)
and their fusion. examples/catalogue.py combines the ranking with the facets."""
