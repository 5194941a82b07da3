"""Stage 5, export: the RDF dataset and the extractions → files (the store itself is ``kg/store``)."""
