"""Element suggestions: which of the vision's eight elements a Dutch text shows, with evidence.

docs/element-suggestions.md describes the model, its training and how good it is.
"""
