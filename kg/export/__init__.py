"""Stage 5, export: the graph and extractions → files (and the store)."""
