"""Relations between the entities of one article, each with its evidence sentence.

holdsPosition comes from the title phrases the person recogniser parsed;
jurisdiction and partOf from names and the division data; the others from
trigger words (``data/relation_verbs.tsv``) and the mentions around them.
"""
from __future__ import annotations

import bisect
import re
from functools import cache

from ..model import Doc, Relation, Sentence
from .divisions import divisions
from .places import pick_division
from .gazetteer import Gazetteer
from .lexicon import rows, words
from .persons import PersonHit, Title, government_body, roles
from .spans import Candidate

_MD = re.compile(r"(\d{1,2})月(\d{1,2})日")
_GOV_DEPT = re.compile(r"(?:局|厅|委员会|办公室|中心|署)$")
_BODY = ("Agency", "Organization")


@cache
def triggers() -> dict[str, Gazetteer[str]]:
    """Relation trigger words by predicate."""
    return {p: Gazetteer({w: p for w in ws.split()}) for p, ws in rows("relation_verbs.tsv")}


@cache
def all_triggers() -> Gazetteer[tuple[str, ...]]:
    """Every trigger word → the predicates it triggers (one pass over the text finds them all)."""
    out: dict[str, tuple[str, ...]] = {}
    for p, ws in rows("relation_verbs.tsv"):
        for w in ws.split():
            out[w] = out.get(w, ()) + (p,)
    return Gazetteer(out)


class Sentences:
    """The sentences of a doc with, for each, its mentions and the trigger words in it (found once)."""

    def __init__(self, doc: Doc, mentions: list[Candidate]) -> None:
        self.sents = doc.sentences
        self.starts = [s.start for s in doc.sentences]
        self.mentions: list[list[Candidate]] = [[] for _ in self.sents]
        for m in mentions:
            i = self.index(m.start)
            if i is not None:
                self.mentions[i].append(m)
        self.triggers: list[dict[str, list[int]]] = [{} for _ in self.sents]
        for s, _, _, preds in all_triggers().find_all(doc.text):
            i = self.index(s)
            if i is not None:
                for pred in preds:
                    self.triggers[i].setdefault(pred, []).append(s)

    def index(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.sents[i].end else None

    def at(self, pos: int) -> Sentence | None:
        i = self.index(pos)
        return None if i is None else self.sents[i]


def fact_date(doc: Doc, sent: Sentence | None, pos: int | None = None) -> str | None:
    """The date a sentence gives (11月21日), completed with the article's year; else the article date.

    With several dates, the last one before ``pos`` (the fact's position) wins.
    """
    if sent is not None and doc.date:
        found = [m for m in _MD.finditer(sent.text) if 1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31]
        if pos is not None:
            found = [m for m in found if sent.start + m.start() < pos] or found
        if found:
            m = found[-1]
            return f"{doc.date[:4]}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    return doc.date


def find_relations(doc: Doc) -> Doc:
    """Component: fill ``doc.relations``."""
    mentions: list[Candidate] = doc.user_data.get("candidates", [])
    sents = Sentences(doc, mentions)
    hits: list[PersonHit] = doc.user_data.get("person_hits", [])

    def rel(s: str, p: str, o: str | None, pos: int | None, rule: str, conf: float, **kw) -> None:
        sent = sents.at(pos) if pos is not None else None
        doc.add_relation(Relation(s=s, p=p, o=o, rule=rule, confidence=conf, sentence=sent,
                                  date=fact_date(doc, sent, pos), **kw))

    _home_entities(doc)
    _positions(doc, hits, rel)
    _reported(doc, hits, rel)
    _jurisdiction(doc, mentions, rel)
    _part_of(doc, mentions, rel)
    _events(doc, mentions, sents, rel)
    _located(doc, mentions, sents, rel)
    _undertakes_partners(doc, mentions, sents, rel)
    return doc


def body_info(doc: Doc, label: str) -> dict:
    """What the recognisers learnt of an agency: its ``jurisdiction`` and name ``core``."""
    return doc.user_data.get("bodies", {}).get(label, {})


def _home_entities(doc: Doc) -> None:
    """The home city is always an entity (what 我市, 全市 refer to)."""
    if doc.home:
        d = divisions().get(doc.home)
        doc.add_entity("Place", doc.home, d.short if d else "", **({"level": d.level, "adcode": d.code} if d else {}))


def _title_org(doc: Doc, t: Title) -> tuple[str | None, str | None]:
    """(type, label) of the body a title belongs to."""
    if t.org is not None and t.org.type == "Place":
        gov = government_body(t.role, t.org)         # 芮城县副县长 → 芮城县人民政府
        if gov:
            return "Agency", gov
        if t.role in words("leader_roles.txt"):
            return "Place", t.org.label
    elif t.org is not None:
        return t.org.type, t.org.label
    for role, level, body in rows("government_roles.txt"):
        if role == t.role:
            place = _level_place(doc, level, t.start)
            if place:
                return "Agency", body.replace("X", place)
    for role, level in rows("leader_roles.txt"):
        if role == t.role:
            place = _level_place(doc, level, t.start)
            if place:
                return "Place", place
    return None, None


def _level_place(doc: Doc, level: str, pos: int) -> str | None:
    if level == "home":
        return doc.home
    if level == "province":
        return doc.province
    want = {"county": ("县", "区", "市", "旗"), "town": ("镇", "乡", "街道")}[level]
    best = None
    story = next(((a, b) for a, b, _ in doc.stories if a <= pos < b), (0, len(doc.text)))
    for m in doc.mentions:
        if m.type == "Place" and story[0] <= m.start < pos and m.label.endswith(want) and m.label != doc.home:
            d = divisions().get(m.label)
            if level == "town" or (d and d.level == "county"):
                best = m.label
    return best


def _positions(doc: Doc, hits: list[PersonHit], rel) -> None:
    for h in hits:
        for t in h.titles:
            otype, org = _title_org(doc, t)
            if otype == "Agency" and org and not any(k[1] == org for k in doc.entities):
                doc.add_entity("Agency", org)
                if org.endswith("人民政府"):
                    doc.user_data.setdefault("bodies", {}).setdefault(org, {"jurisdiction": org[:-4], "core": "人民政府"})
            if otype == "Place" and org:
                doc.add_entity("Place", org)
            rel(h.cand.label, "holdsPosition", None, h.cand.start, "title-apposition", 0.9 if org else 0.7,
                role=t.role, org=org, former=t.former)


def _reported(doc: Doc, hits: list[PersonHit], rel) -> None:
    for h in hits:
        if h.reporter:
            rel(h.cand.label, "reported", doc.article.id, h.cand.start, f"byline:{h.cand.rule}", 0.9)


def _jurisdiction(doc: Doc, mentions: list[Candidate], rel) -> None:
    for (etype, label), ent in list(doc.entities.items()):
        if etype != "Agency":
            continue
        place = body_info(doc, label).get("jurisdiction")
        if place:
            doc.add_entity("Place", place)
            pos = next((m.start for m in mentions if m.label == label), None)
            rel(label, "jurisdiction", place, pos, "agency-name", 0.9)


def _part_of(doc: Doc, mentions: list[Candidate], rel) -> None:
    places = {label for (t, label) in doc.entities if t == "Place"}
    divs = divisions()
    # divisions: the nearest ancestor named in the article
    for label in sorted(places):
        d = divs.get(label, doc.province, doc.home)
        if d is None or d.name != label:
            continue
        for anc in divs.parent_chain(d):
            if anc in places:
                rel(label, "partOf", anc, None, "division-data", 0.95)
                break
    # foreign cities in their country (塔什干 → 乌兹别克斯坦)
    for city, country in rows("world_cities.tsv"):
        if city in places and country in places:
            rel(city, "partOf", country, None, "world-cities", 0.9)
    # towns, villages, sites written right after their parent (灵石县静升镇)
    by_end = {m.end: m for m in mentions if m.type == "Place"}
    for m in mentions:
        if m.type == "Place" and m.start in by_end and by_end[m.start].label != m.label:
            parent = by_end[m.start]
            if divs.get(m.label) is None:
                rel(m.label, "partOf", parent.label, m.start, "adjacent-place", 0.85)
    # towns and villages in a county story: part of the county named before them
    for m in mentions:
        lvl = doc.entities.get(("Place", m.label))
        if m.type != "Place" or lvl is None or lvl.attrs.get("level") not in ("town",) or m.start in by_end:
            continue
        parent = _level_place(doc, "county", m.start)
        if parent:
            rel(m.label, "partOf", parent, m.start, "story-county", 0.6)
    # villages of a town story: part of the town named before them
    has_parent = {r.s for r in doc.relations if r.p == "partOf"}
    for m in mentions:
        ent = doc.entities.get(("Place", m.label))
        if m.type != "Place" or ent is None or ent.attrs.get("level") != "village" or m.label in has_parent:
            continue
        parent = _level_place(doc, "town", m.start)
        if parent and parent != m.label:
            rel(m.label, "partOf", parent, m.start, "story-town", 0.55)
            has_parent.add(m.label)
    # streets and roads named with no parent in a local paper: the home city
    for m in mentions:
        ent = doc.entities.get(("Place", m.label))
        if m.type == "Place" and ent is not None and doc.home and m.label not in has_parent \
                and re.search(r"(?:路|街|大街|大道|高速|桥)$", m.label) and ent.attrs.get("level") == "site":
            rel(m.label, "partOf", doc.home, m.start, "local-street", 0.5)
            has_parent.add(m.label)
    # departments of a government / party committee named in the article
    agencies = {label: ent for (t, label), ent in doc.entities.items() if t == "Agency"}
    for label, ent in agencies.items():
        place = body_info(doc, label).get("jurisdiction")
        core = body_info(doc, label).get("core", "")
        if not place or core in ("人民政府", "委员会") or core in words("independent_bodies.txt") \
                or core.endswith("委员会") and label.startswith("中共"):
            continue
        parent = f"中共{place}委员会" if label.startswith("中共") else f"{place}人民政府"
        if parent in agencies and parent != label:
            rel(label, "partOf", parent, None, "department-of", 0.8)
    # organisations named after the body they belong to (太原理工大学航空学院 → 太原理工大学)
    orgs = sorted(label for (t, label) in doc.entities if t == "Organization")
    for a in orgs:
        for b in orgs:
            if a != b and a.startswith(b) and len(a) - len(b) >= 2:
                rel(a, "partOf", b, None, "name-prefix", 0.8)


def _persons_in(mentions: list[Candidate], a: int, b: int) -> list[Candidate]:
    return [m for m in mentions if m.type == "Person" and a <= m.start < b]


_REPORTED_SPEECH = re.compile(r"(?:学习|贯彻|落实|按照|根据|遵循|领会|践行)[^，。]{0,6}$")
_NEGATED = re.compile(r"(?:未|没有|没|并未|不曾|不再|拒绝|缺席)$")
_SPEECH = re.compile(r"强调|指出|要求|表示|认为|希望")
_MOTION = ("来到", "深入", "走进", "前往", "赴")


def _in_reach(doc: Doc, m: Candidate, trigger_starts: list[int]) -> bool:
    """A visited place is before its activity verb (在X调研) or right after a motion verb (来到X、Y)."""
    for t in trigger_starts:
        word = next((w for w in _MOTION if doc.text.startswith(w, t)), None)
        if word is None and m.end <= t:
            return True
        if word is not None and 0 <= m.start - (t + len(word)) <= 2:
            return True
        if word is not None and m.start > t:
            gap = doc.text[t + len(word):m.start]
            if re.fullmatch(r"[^，。；]*", gap) and len(gap) <= 40 and not re.search(r"[的了着]", gap):
                return True
        if word is None and m.start >= t and m.start - t <= 12:
            return True
    return False


_CONTINUES = re.compile(r"^(?:随后|之后|其间|期间|先后|还|并|他|她|其|一行|同时|接着|在)")


def _events(doc: Doc, mentions: list[Candidate], sents: Sentences, rel) -> None:
    """inspected / attended / investigatedBy from trigger words in a sentence.

    The subject is a titled person before the trigger (not one quoted in 学习贯彻…讲话);
    a following sentence of the same paragraph (随后来到…) continues with the same subject.
    """
    reporters = {r.s for r in doc.relations if r.p == "reported"}
    titled = {r.s for r in doc.relations if r.p == "holdsPosition"}
    last_targets: tuple[int, list[Candidate]] = (-1, [])     # (paragraph start, targets of the last event)
    last_subj: tuple[int, list[Candidate]] = (-1, [])        # (paragraph start, subject of the last visit)
    for k, sent in enumerate(sents.sents):
        ms, trig = sents.mentions[k], sents.triggers[k]
        para = doc.text.rfind("\n", 0, sent.start) + 1
        people = [m for m in ms if m.type == "Person" and m.label not in reporters and m.label in titled
                  and not _REPORTED_SPEECH.search(doc.text[max(sent.start, m.start - 12):m.start])
                  and not doc.text.startswith(("关于", "的"), m.end + 3 if doc.text.startswith("总书记", m.end) else m.end)]
        for pred in ("inspected", "attended"):
            if pred not in trig:
                continue
            # subjects: people with a trigger after them and no "he stressed" in between
            trig_pos = [t for t in trig[pred] if not _NEGATED.search(doc.text[max(0, t - 3):t])]
            subj = [p for p in people
                    if any(t > p.start and not _SPEECH.search(doc.text[p.end:t]) for t in trig_pos)]
            if not subj and pred == "inspected" and last_subj[0] == para and (not people) and _CONTINUES.search(sent.text) \
                    and not _SPEECH.search(doc.text[sent.start:trig[pred][0]]):
                subj = last_subj[1]
            if not subj:
                continue
            after = subj[0].end if subj[0].start >= sent.start else sent.start
            targets = [m for m in ms if m.type in ("Place", "Agency", "Organization", "Project") and m.start > after
                       and not _is_title_body(doc, m, subj) and _in_reach(doc, m, trig[pred])]
            if pred == "attended":
                targets = [m for m in targets if m.type != "Project"]
            if pred == "inspected":
                last_subj = (para, subj)
            if targets:
                last_targets = (para, targets)
            elif pred == "attended" and last_targets[0] == para:
                targets = [t for t in last_targets[1] if t.type != "Project"][:1]   # 市领导某某参加: the event before
            for p in subj:
                for t in targets:
                    rel(p.label, pred, t.label, sent.start, f"trigger:{pred}", 0.6)
        site = re.match(r"^在(.{2,40}?)现场", sent.text)
        if site and people:                  # 在某某项目现场，某某详细了解…
            a, b = sent.start + site.start(1), sent.start + site.end(1)
            for t in [m for m in ms if m.type in ("Organization", "Project", "Place") and a <= m.start and m.end <= b]:
                for p in people:
                    rel(p.label, "inspected", t.label, sent.start, "site-visit", 0.6)
        if "investigated" in trig:
            bodies = [m for m in ms if m.type == "Agency" and ("纪" in m.label or "监" in m.label)]
            for p in [m for m in ms if m.type == "Person"]:
                for b in bodies:
                    rel(p.label, "investigatedBy", b.label, sent.start, "trigger:investigation", 0.8)


def _heads_title(doc: Doc, body: Candidate) -> bool:
    """A body written right before a title (某某局局长) speaks through a person; it is no owner."""
    return roles().match_at(doc.text, body.end) is not None


def _is_title_body(doc: Doc, m: Candidate, people: list[Candidate]) -> bool:
    """A body right before a person's name is part of the title, not a place visited."""
    return any(0 <= p.start - m.end <= 8 for p in people)


def _located(doc: Doc, mentions: list[Candidate], sents: Sentences, rel) -> None:
    """Organisations and projects: the place named before them in the clause, or the place in their name."""
    divs = divisions()
    located: set[str] = set()
    places = [m for m in mentions if m.type == "Place"]
    for m in mentions:
        if m.type not in ("Organization", "Project"):
            continue
        sent = sents.at(m.start)
        if sent is None:
            continue
        clause_start = max([sent.start] + [i + 1 for i in range(sent.start, m.start) if doc.text[i] in "，,；;"])
        before = [p for p in places if clause_start <= p.start and p.end <= m.start
                  and (doc.entities.get(("Place", p.label)) or p).attrs.get("level") not in ("province", "country")
                  and (re.fullmatch(r"[的之\s]?", doc.text[p.end:m.start])
                       or re.search(r"(?:位于|坐落于|坐落在|地处|落户|落地|在|于)$", doc.text[max(0, p.start - 3):p.start]))]
        if before:
            rel(m.label, "locatedIn", before[-1].label, m.start, "place-before", 0.6)
            located.add(m.label)
    for (t, label), ent in sorted(doc.entities.items()):
        if t not in ("Organization", "Project") or label in located:
            continue
        m = divs.gazetteer.match_at(label, 0)
        if m and not re.search(r"(?:大学|学院|报|台|网)$", label):   # 太原理工大学 says nothing of where it is
            d = pick_division(doc, m[3])
            if d.level != "province" and (d.province == doc.province):
                doc.add_entity("Place", d.name, m[2], level=d.level, adcode=d.code)
                rel(label, "locatedIn", d.name, None, "name-prefix", 0.5)
                located.add(label)
                continue


def _undertakes_partners(doc: Doc, mentions: list[Candidate], sents: Sentences, rel) -> None:
    for k, sent in enumerate(sents.sents):
        ms, trig = sents.mentions[k], sents.triggers[k]
        bodies = [m for m in ms if m.type in _BODY]
        projects = [m for m in ms if m.type == "Project"]
        if projects and bodies and "undertakes" in trig:
            for pr in projects:
                owners = [b for b in bodies if b.end <= pr.start and not _heads_title(doc, b)]
                if owners:
                    rel(owners[-1].label, "undertakes", pr.label, sent.start, "trigger:undertakes", 0.6)
        if len(bodies) >= 2 and "partner" in trig:
            # a run of bodies joined by 、/和/与/携手 …, with at least one real connector, are partners
            groups: list[list[Candidate]] = [[bodies[0]]]
            joins: list[set[str]] = [set()]
            for a, b in zip(bodies, bodies[1:]):
                between = doc.text[a.end:b.start].strip()
                if re.fullmatch(r"(?:与|和|同|及|、|携手|联合|牵手)", between):
                    groups[-1].append(b)
                    joins[-1].add(between)
                else:
                    groups.append([b])
                    joins.append(set())
            for group, how in zip(groups, joins):
                if len(group) >= 2 and how - {"、", "及"}:
                    for i, a in enumerate(group):
                        for b in group[i + 1:]:
                            if a.label != b.label:
                                rel(a.label, "partnerOf", b.label, sent.start, "trigger:partner", 0.6)
    for (t, label) in list(doc.entities):
        if t != "Project":
            continue
        for (t2, org) in list(doc.entities):
            if t2 in _BODY and label.startswith(org) and len(label) > len(org) + 2:
                rel(org, "undertakes", label, None, "name-prefix", 0.7)
