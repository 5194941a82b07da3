"""A SPARQL 1.1 server as the home of the graph: ``kg push`` and ``kg query --endpoint``.

``endpoint`` names the server's URLs (presets for Oxigraph, Virtuoso, any
SPARQL 1.1 server) and talks HTTP to it; ``push`` sends OUT's store to it,
one named graph per article and per shared description, only what changed;
``query`` runs a query there and returns pyoxigraph results, so that
``kg.store.query.run_query`` prints the same answers as for the embedded store.
"""
