"""Relations between the entities of one article, each with its evidence sentence, date, rule and confidence.

One module per family of predicates, each a set of registered rules (see ``kg rules``):

- ``positions``: holdsPosition (from the parsed title phrases) and reported (bylines);
- ``containment``: jurisdiction and partOf (agencies' names, division data, written chains, the story);
- ``located``: locatedIn (the place before a name, 位于 … after it, the district or zone of the story);
- ``events``: inspected, attended, investigatedBy (trigger words, ``data/relation_verbs.tsv``), from the
  visits ``visits`` finds once per article (with the visitor's party) and the events as frames ``gatherings``
  finds (name, venue, hosts, participants; kept on the doc as ``Doc.events``); ``visit_clauses`` keeps a
  visit clause out of project names;
- ``ventures``: undertakes and partnerOf, and who spoke at an event bodies hosted (``hosting``).

Relation rules read the entities; they do not create them.
"""
