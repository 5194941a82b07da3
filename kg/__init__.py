"""kg: Chinese local-government newspaper articles → knowledge graph (RDF, Turtle, HTML).

Stages, each a package, data flowing one way:
read → extract → resolve → rdf → export (files, store) → view.
"""
__version__ = "0.1.0"
