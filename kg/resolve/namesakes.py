"""Telling namesakes apart: the same personal name in two articles is one person only on evidence.

Each article's mention of a name has a profile: the bodies of its posts (with their cities and the family of
each role), whether it is a reporter, and the paper's home. Two mentions are one person when

- they hold a post in the same body, which names its place (市委书记 of 中共运城市委员会 in both), or
- their posts are in the same city and of the same family (government, party, congress …: 副市长 then 市长), or
- both are reporters of one paper (the same home), or
- one has no post and no byline, and its paper's home is the city of the other's posts (and of no other reading),
- both hold a national office only one person holds (总书记).

Never: a reporter and an official, posts in different cities, or two mentions with no evidence at all (a
name alone is no evidence: 王斌 and 张磊 are common). A wrong merge is worse than a missed one. The reason
for every decision is kept (``resolution`` on the node).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice

from ..divisions import divisions
from ..model import Doc

# Offices only one person holds at a time in the whole country (习近平总书记 in every article is one man).
_NATIONAL_OFFICES = frozenset({"总书记", "国家主席", "国务院总理", "全国人大常委会委员长", "全国政协主席"})
# The family of a post, by the body's name: a move within one family in one city is a career, not a namesake.
_FAMILIES = (("中共", "party"), ("纪律检查", "discipline"), ("监察委员会", "discipline"), ("人民代表大会", "congress"),
             ("政治协商会议", "cppcc"), ("人民法院", "court"), ("人民检察院", "procuratorate"))


def city_of(place: str | None) -> str | None:
    """The prefecture-level city (or province, for provincial bodies) a place belongs to.

    >>> city_of("茶陵县"), city_of("株洲市"), city_of("湖南省")
    ('株洲市', '株洲市', '湖南省')
    """
    if not place:
        return None
    d = divisions().get(place)
    if d is None:
        return None
    if d.level == "county":
        return d.parent
    return d.name


def family(org: str) -> str:
    """The family of a post by its body: party, government, congress, cppcc, court … or organisation."""
    for mark, fam in _FAMILIES:
        if mark in org:
            return fam
    return "government" if org.endswith(("人民政府", "局", "厅", "委员会", "办公室", "中心")) else "organisation"


@dataclass
class Mention:
    """One article's mention of a name: what it says about who the person is."""
    article: str
    name: str
    bodies: set[str] = field(default_factory=set)          # bodies of posts that name their place
    cities: set[str] = field(default_factory=set)          # the cities of those bodies
    families: set[tuple[str, str]] = field(default_factory=set)   # (city, family) of each post
    posts: int = 0                                          # posts of any body (a firm's too)
    offices: set[str] = field(default_factory=set)          # national offices held (总书记)
    reporter: bool = False
    home: str | None = None                                 # the city of the paper's home, if known


def mentions(doc: Doc) -> list[Mention]:
    """The profile of each person of ``doc``."""
    out = {label: Mention(doc.article.id, label, home=city_of(doc.home))
           for (t, label) in doc.entities if t == "Person"}
    for r in doc.relations:
        m = out.get(r.s)
        if m is None:
            continue
        if r.p == "reported":
            m.reporter = True
        elif r.p == "holdsPosition":
            m.posts += 1
            if r.role in _NATIONAL_OFFICES and not r.former:
                m.offices.add(r.role)
        if r.p == "holdsPosition" and r.org:
            body = doc.bodies.get(r.org)
            place = body.jurisdiction if body else (r.org if ("Place", r.org) in doc.entities else None)
            city = city_of(place)
            if city:
                m.bodies.add(r.org)
                m.cities.add(city)
                m.families.add((city, family(r.org)))
    return [out[k] for k in sorted(out)]


def _official(m: Mention) -> bool:
    return bool(m.cities)


def same_person(a: Mention, b: Mention) -> tuple[bool, str]:
    """Are ``a`` and ``b`` (same name, two articles) one person, and why (or why not)."""
    if a.offices & b.offices:
        return True, f"the national office of {min(a.offices & b.offices)}"
    if a.reporter and _official(b) and not b.reporter or b.reporter and _official(a) and not a.reporter:
        return False, "a reporter is not an official"
    if a.reporter and b.reporter:
        same = a.home is not None and a.home == b.home
        return same, f"reporters of one paper ({a.home})" if same else "reporters of different or unknown papers"
    if _official(a) and _official(b):
        if not a.cities & b.cities:
            return False, f"posts in {'、'.join(sorted(a.cities | b.cities))}"
        shared = a.bodies & b.bodies
        if shared:
            return True, f"same post in {min(shared)}"
        fams = a.families & b.families
        if fams:
            city, fam = min(fams)
            return True, f"posts in {city}, both {fam}"
        return False, "posts of different families"
    official, other = (a, b) if _official(a) else (b, a)
    if _official(official) and not other.reporter and not other.posts:
        same = other.home is not None and other.home in official.cities
        return same, f"no post here; the paper's home {other.home} is where the other holds posts" if same \
            else "no post here and the paper's home is elsewhere or unknown"
    return False, "no evidence beyond the name"


def _profile(m: Mention) -> tuple:
    """What ``same_person`` reads of a mention (equal profiles, equal verdicts)."""
    return (frozenset(m.bodies), frozenset(m.cities), frozenset(m.families), m.posts, frozenset(m.offices),
            m.reporter, m.home)


def _clusters(ms: list[Mention]) -> list[tuple[list[Mention], list[str]]]:
    """Group the mentions of one name: every pair in a group is one person, or joined by one that is.

    A verdict depends on the two profiles only, so a mention is weighed against each distinct set of
    profiles its groups hold (groups with the same set answer alike), each pair of profiles once: the
    cost grows with the mentions of a name, not with their square (a common name in every article)."""
    groups: list[tuple[list[Mention], list[str]]] = []
    kinds: dict[frozenset, dict[int, None]] = {}    # the distinct profiles of a group → the groups that have them
    held: list[frozenset] = []                      # each group's distinct profiles
    verdicts: dict[tuple, tuple[bool, str]] = {}
    first: dict[tuple, Mention] = {}

    def verdict(pm: tuple, px: tuple) -> tuple[bool, str]:
        if (pm, px) not in verdicts:
            verdicts[pm, px] = same_person(first[pm], first[px])
        return verdicts[pm, px]

    for m in sorted(ms, key=lambda m: (not _official(m), not m.reporter, m.article)):
        pm = _profile(m)
        first.setdefault(pm, m)
        fits: list[int] = []
        for kind, members in kinds.items():
            if all(verdict(pm, px)[0] for px in kind):
                fits += islice(members, 2)
                if len(fits) > 1:
                    break
        if len(fits) == 1:
            (i,) = fits
            g, why = groups[i]
            why.append(f"{m.name} in {m.article}: joined ({verdict(pm, _profile(g[0]))[1]})")
            g.append(m)
            if pm not in held[i]:
                del kinds[held[i]][i]
                if not kinds[held[i]]:
                    del kinds[held[i]]
                held[i] = held[i] | {pm}
                kinds.setdefault(held[i], {})[i] = None
        else:
            reason = "several readings fit" if fits else "no reading fits" if groups else "first mention"
            groups.append(([m], [f"{m.name} in {m.article}: {reason}"]))
            held.append(frozenset({pm}))
            kinds.setdefault(held[-1], {})[len(groups) - 1] = None
    return groups


def qualifiers(docs: Iterable[Doc]) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """``(article, name) → qualifier`` for persons whose name stands for several people, and the decision
    text for every mention of a name seen in more than one article."""
    index = MentionIndex()
    for doc in docs:
        index.add(doc)
    return index.qualifiers()


Profile = tuple[frozenset, frozenset, frozenset, int, frozenset, bool, "str | None"]


class MentionIndex:
    """The person profiles of a corpus, kept compact while its docs stream by: per name, the articles
    and their profile (equal profiles are stored once: a name's usual profile costs one reference)."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[tuple[str, Profile]]] = defaultdict(list)
        self._profiles: dict[Profile, Profile] = {}

    def add(self, doc: Doc) -> None:
        """Index the persons of ``doc``."""
        for m in mentions(doc):
            p = (frozenset(m.bodies), frozenset(m.cities), frozenset(m.families), m.posts, frozenset(m.offices),
                 m.reporter, m.home)
            self.by_name[m.name].append((m.article, self._profiles.setdefault(p, p)))

    def qualifiers(self) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
        """What ``qualifiers`` returns, for the docs indexed."""
        qual: dict[tuple[str, str], str] = {}
        why: dict[tuple[str, str], str] = {}
        for name, rows in sorted(self.by_name.items()):
            if len(rows) < 2:
                continue
            ms = [Mention(a, name, set(b), set(c), set(f), n, set(o), r, h) for a, (b, c, f, n, o, r, h) in rows]
            groups = _clusters(ms)
            tags = [_tag(g) for g, _ in groups]
            uses = Counter(tags)
            for (g, reasons), tag in zip(groups, tags):
                text = "; ".join(reasons)
                q = tag if uses[tag] == 1 else f"{tag}/{min(x.article for x in g)}"
                for m in g:
                    why[m.article, name] = text
                    if len(groups) > 1:
                        qual[m.article, name] = q
        return qual, why


def _tag(group: list[Mention]) -> str:
    """What tells a group apart: the city of its posts, else its paper's home, else its first article."""
    cities = set().union(*(m.cities for m in group))
    if len(cities) == 1:
        return next(iter(cities))
    homes = {m.home for m in group if m.home}
    return next(iter(homes)) if len(homes) == 1 else min(m.article for m in group)
