"""Stage 2, extract: an ``Article`` → a ``Doc`` with entities and relations.

Like a spaCy pipeline, assembled from registered rules (``registry.py``; ``kg rules`` lists them): each
rule is a small callable on the article's :class:`~kg.extract.state.Work`, registered under the dotted
name it leaves as the ``rule`` of what it makes. Entity rules propose candidates, one selection policy
(``select.py``) decides, relation rules read the entities. Lexicons and patterns are data files under
``data/`` read by ``lexicon.py``.

>>> from kg.model import Article
>>> doc = Extractor(home="株洲市")(Article("a.txt", "市委书记张三来到荷塘区调研。"))
>>> sorted(e.label for e in doc.entities.values())
['中共株洲市委员会', '张三', '株洲市', '荷塘区']
>>> [(r.s, r.role, r.org) for r in doc.relations if r.p == "holdsPosition"]
[('张三', '书记', '中共株洲市委员会')]
>>> len(Extractor(disable=["person.*"])(Article("a.txt", "市委书记张三来到荷塘区调研。")).relations)
0
"""
from __future__ import annotations

from collections.abc import Iterable

from ..errors import KgError
from ..model import Article, Doc
from .registry import Rule, check_order, expand, registry
from .select import LongestSpan, Policy
from .state import Work

# The rules that read the statistical tagger's spans: with all of them disabled, no model is needed.
TAGGER_RULES = ("place.tagger", "organization.tagger", "person.tagger")
# The accurate mode's rules (LAC, ``accurate.py``): they run only with ``accurate=True`` (``--accurate``).
ACCURATE_RULES = ("place.lac", "organization.lac", "person.lac")


def accurate_identity(accurate: bool) -> str:
    """What names the accurate mode in cache and build keys: LAC's package and version, or ``""`` when off.

    Raises ``KgError`` E087 when the mode is asked for and the extra is not installed.
    """
    if not accurate:
        return ""
    from .lac import identity
    return identity()


class Extractor:
    """The extraction pipeline: every registered rule but the ``disable``d ones, in stage order.

    ``disable`` takes rule names or ``family.*`` patterns (``kg rules`` lists them); ``policy``
    replaces the default selection policy; ``accurate`` adds the LAC rules (E087 without the extra).
    """

    def __init__(self, home: str | None = None, disable: Iterable[str] = (), policy: Policy | None = None,
                 accurate: bool = False) -> None:
        rules = registry()
        check_order(rules.values())
        try:
            off = expand(disable)
        except KeyError as e:
            raise KgError("E050", rule=e.args[0]) from None
        fixed = sorted(n for n in off if not rules[n].optional)
        if fixed:
            raise KgError("E051", rule=fixed[0])
        if home:
            from .context import resolve_home
            home = resolve_home(home).name     # a place not in the divisions data is an error (E060)
        self.home = home
        self.disable = tuple(sorted(off))
        self.policy = policy or LongestSpan()
        self.accurate = accurate
        self.rules: list[Rule] = [r for r in rules.values()
                                  if r.name not in off and (accurate or r.name not in ACCURATE_RULES)]
        if any(r.name in TAGGER_RULES for r in self.rules):
            from .tagger import ensure_model, preload
            ensure_model()       # trained here, once, before any worker process is started
            preload()            # and read here, so that the workers share it
        if accurate:
            accurate_identity(accurate)      # the extra is installed (E087)
            if any(r.name in ACCURATE_RULES for r in self.rules):
                from .lac import analyser
                analyser()       # loaded once here (E088 when it cannot be), before worker processes fork

    @property
    def names(self) -> list[str]:
        """The rules that run, in order."""
        return [r.name for r in self.rules]

    def prepare(self, article: Article, until: str | None = None) -> Work:
        """Run the rules before ``until`` (all when None) and return the working state (for tests and tools)."""
        w = Work(Doc(article), home_hint=self.home, policy=self.policy)
        for r in self.rules:
            if r.name == until:
                break
            w.rule = r.name
            r.func(w)
        w.rule = ""
        return w

    def __call__(self, article: Article) -> Doc:
        return self.prepare(article).doc
