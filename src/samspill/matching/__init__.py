"""Job matching (jobbmatch) and job carving (jobbsnekring).

``engine`` is the pure matching engine (numpy, no Django); the Django adapter, the match
pipeline and the pages build on it.
"""
