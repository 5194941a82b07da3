"""undertakes and partnerOf: bodies around projects and the words that join them; and who spoke at a hosted event."""
from __future__ import annotations

import re

from ...model import Doc
from ..lexicon import word_pattern
from ..registry import rule
from ..spans import Candidate
from ..state import Work
from .common import BODY
from .hosting import heads_title, hosted_events, story_end

_BY = re.compile(r"[，,]?(?:将|已|拟)?由")
_PASSIVE = re.compile(r"(?:共同|联合|负责|出资|独资)?(?:投资建设|投资兴建|投资|建设|承建|实施|运营|开发|建造|施工"
                      r"|资助|出资|承担|牵头|主导|组织实施|设计|监理|代建)")
# 该项目由…: the project named last before the sentence
_THIS_BY = re.compile(r"(?:该|这一?|此)(?:项目|工程)(?:将|已|拟)?由")
_CLAUSE_BREAK = re.compile(r"[，,；;。]")
# ，还投资50万元建设…: a clause whose subject is left out (the sentence's topic) and whose verb builds
_TOPIC_VERB = re.compile(r"[，,；;](?:还|并|又|也|同时|先后|累计|共|已|将|正在)*"
                         r"(?:投资|建设|新建|兴建|打造|实施|引进|开发|承建|建成|启动|上马)")
_BUILDS = re.compile(r"(?:重点|精心|着力|倾力)?(?:组建|培育|打造|推出|创办|运营|实施|建设)的")
_JOINT_WORK = re.compile(r"(?:合作|联合|共同)(?:研发|开发|攻关|实施|承担|完成|建设|研制)?的[“\"]?")
_JOIN = re.compile(r"[与和同、及]")
_PARTNERS_JOIN = re.compile(r"(?:与|和|同|及|、|携手|联合|牵手)")


def _run_after(doc: Doc, bodies: list[Candidate], pos: int) -> list[Candidate]:
    """The bodies joined by 与/和/、 that start right at ``pos`` (由|甲与乙…)."""
    run: list[Candidate] = []
    start = pos
    for b in [b for b in bodies if b.start >= pos]:
        if b.start != start and not _JOIN.fullmatch(doc.text[start:b.start]):
            break
        run.append(b)
        start = b.end
    return run


def _run_before(doc: Doc, bodies: list[Candidate], pos: int) -> list[Candidate]:
    """The bodies joined by 与/和/、 that end right at ``pos`` (甲与乙、丙|合作)."""
    run: list[Candidate] = []
    end = pos
    for b in reversed([b for b in bodies if b.end <= pos]):
        if b.end != end and not _JOIN.fullmatch(doc.text[b.end:end]):
            break
        run.append(b)
        end = b.start
    return run


def _by_kind(w: Work, k: int) -> tuple[list[Candidate], list[Candidate]]:
    """The bodies and the projects of sentence ``k``."""
    ms = w.sents.mentions[k]
    return [m for m in ms if m.type in BODY], [m for m in ms if m.type == "Project"]


@rule("relation.undertakes.owner-verb", stage="venture", produces=("undertakes",), requires=("mentions",))
def owner_verb(w: Work) -> None:
    """The body just before a verb of building or investing undertakes the project after it, with the bodies
    joined to it (甲公司与乙公司投资建设东山县丙项目)."""
    doc, sents = w.doc, w.sents
    for k, sent in enumerate(sents.sents):
        starts = sents.triggers[k].get("undertakes")
        bodies, projects = _by_kind(w, k)
        if not (starts and bodies):
            continue
        for pr in projects:
            owners = [b for b in bodies if b.end <= pr.start and not heads_title(doc, b)
                      and any(0 <= t - b.end <= 3 and t < pr.start and not _CLAUSE_BREAK.search(doc.text, t, pr.start)
                              for t in starts)]
            if owners:
                for owner in _run_before(doc, bodies, owners[-1].end):
                    w.fact(owner.label, "undertakes", pr.label, sent.start, 0.6)


def _joined_groups(doc: Doc, bodies: list[Candidate]) -> list[list[Candidate]]:
    """Runs of bodies joined by 、/和/与/携手 …, those with at least one real connector (not only 、 or 及)."""
    groups: list[list[Candidate]] = [[bodies[0]]]
    joins: list[set[str]] = [set()]
    for a, b in zip(bodies, bodies[1:]):
        between = doc.text[a.end:b.start].strip()
        if _PARTNERS_JOIN.fullmatch(between):
            groups[-1].append(b)
            joins[-1].add(between)
        else:
            groups.append([b])
            joins.append(set())
    return [g for g, how in zip(groups, joins) if len(g) >= 2 and how - {"、", "及"}]


@rule("relation.partnerOf.joined-bodies", stage="venture", produces=("partnerOf",), requires=("mentions",))
def joined_bodies(w: Work) -> None:
    """Bodies joined by 与/和/携手 … in a sentence of cooperation are partners (甲公司与乙大学签订合作协议)."""
    sents = w.sents
    for k, sent in enumerate(sents.sents):
        bodies, _ = _by_kind(w, k)
        if len(bodies) < 2 or "partner" not in sents.triggers[k]:
            continue
        for group in _joined_groups(w.doc, bodies):
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if a.label != b.label:
                        w.fact(a.label, "partnerOf", b.label, sent.start, 0.6)


@rule("relation.undertakes.passive-owner", stage="venture", produces=("undertakes",), requires=("mentions",))
def passive_owner(w: Work) -> None:
    """A project said to be built by bodies is undertaken by each of them (丙项目由甲公司与乙公司共同投资建设)."""
    doc = w.doc
    for k, sent in enumerate(w.sents.sents):
        bodies, projects = _by_kind(w, k)
        for pr in projects:
            by = _BY.match(doc.text, pr.end)
            run = _run_after(doc, bodies, by.end()) if by else []
            if run and _PASSIVE.match(doc.text, run[-1].end):
                for b in run:
                    w.fact(b.label, "undertakes", pr.label, sent.start, 0.6)


@rule("relation.undertakes.this-project-by", stage="venture", produces=("undertakes",), requires=("mentions",))
def this_project_by(w: Work) -> None:
    """该项目由甲基金资助: the bodies after 由 undertake the project named last before the sentence."""
    doc = w.doc
    for k, sent in enumerate(w.sents.sents):
        ref = _THIS_BY.search(doc.text, sent.start, sent.end)
        bodies, _ = _by_kind(w, k)
        run = _run_after(doc, bodies, ref.end()) if ref else []
        if not run or not _PASSIVE.match(doc.text, run[-1].end):
            continue
        earlier = [m for m in w.mentions if m.type == "Project" and m.end <= ref.start() and ref.start() - m.end < 300]
        for b in run if earlier else ():
            w.fact(b.label, "undertakes", earlier[-1].label, sent.start, 0.55)


@rule("relation.undertakes.builds", stage="venture", produces=("undertakes",), requires=("mentions",))
def builds(w: Work) -> None:
    """A body followed by 组建的/打造的 … undertakes the projects after it, or the one said to be its work
    (甲公司打造的丙项目; “丁”是甲公司重点培育的项目)."""
    doc = w.doc
    for k, sent in enumerate(w.sents.sents):
        bodies, projects = _by_kind(w, k)
        for b in bodies:
            if _BUILDS.match(doc.text, b.end):
                for pr in projects:
                    if pr.start > b.end or re.match(r"[”\"]?(?:是|为)", doc.text[pr.end:pr.end + 2]):
                        w.fact(b.label, "undertakes", pr.label, sent.start, 0.6)


@rule("relation.undertakes.joint-work", stage="venture", produces=("undertakes",), requires=("mentions",))
def joint_work(w: Work) -> None:
    """Every body of a cooperation undertakes the work it made together (甲公司与乙大学合作研发的“丙”项目)."""
    doc = w.doc
    for k, sent in enumerate(w.sents.sents):
        bodies, projects = _by_kind(w, k)
        for j in _JOINT_WORK.finditer(doc.text, sent.start, sent.end):
            work = next((p for p in projects if -1 <= p.start - j.end() <= 1), None)
            if work is not None:
                for b in _run_before(doc, bodies, j.start()):
                    w.fact(b.label, "undertakes", work.label, sent.start, 0.6)


@rule("relation.partnerOf.co-hosts", stage="venture", produces=("partnerOf",), requires=("mentions",))
def co_hosts(w: Work) -> None:
    """Bodies that host one event together are partners (由甲协会主办、乙公司承办的交流会召开)."""
    for start, hosts in hosted_events(w).items():
        for i, a in enumerate(hosts):
            for b in hosts[i + 1:]:
                w.fact(a, "partnerOf", b, start, 0.6)


@rule("relation.attended.speaker-at-hosted-event", stage="venture", produces=("attended",),
      requires=("mentions", "holdsPosition"))
def speaker_at_hosted_event(w: Work) -> None:
    """An official who speaks in the story of a hosted event attended it, that is its hosts
    (由甲协会主办的交流会召开。…局长王建华表示)."""
    doc, sents = w.doc, w.sents
    titled = {r.s for r in doc.relations if r.p == "holdsPosition"}
    for a, hosts in hosted_events(w).items():
        if not hosts:
            continue
        b = story_end(doc, a)
        for k, sent in enumerate(sents.sents):
            if not a <= sent.start < b:
                continue
            for m in sents.mentions[k]:
                if m.type == "Person" and m.label in titled and word_pattern("speaking_verbs.txt").match(doc.text, m.end):
                    for h in hosts:
                        w.fact(m.label, "attended", h, sent.start, 0.5)


@rule("relation.undertakes.name-prefix", stage="venture", produces=("undertakes",), requires=("entities",))
def name_prefix(w: Work) -> None:
    """A body whose name begins a project's name undertakes it (甲公司 → 甲公司年产十万吨新材料项目)."""
    ents = list(w.doc.entities)
    for t, label in ents:
        if t != "Project":
            continue
        for t2, org in ents:
            if t2 in BODY and label.startswith(org) and len(label) > len(org) + 2:
                w.fact(org, "undertakes", label, None, 0.7)


def _topic(w: Work, k: int) -> Candidate | None:
    """The body a sentence opens with, its topic (甲基地一共有…，还投资…), if no other body comes before it."""
    sent, ms = w.sents.sents[k], w.sents.mentions[k]
    first = next((m for m in ms if m.type != "Place"), None)
    if first is None or first.type != "Organization" or first.start - sent.start > 20:
        return None
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(w.text, sent.start, first.start)]
    opening = w.text[breaks[-1] if breaks else sent.start:first.start]    # 在东山县青石村，|甲合作社…
    places = {w.text[m.start:m.end] for m in ms if m.type == "Place" and m.end <= first.start}
    return first if opening.strip() in places | {""} else None


@rule("relation.undertakes.topic-owner", stage="venture", produces=("undertakes",), requires=("mentions",))
def topic_owner(w: Work) -> None:
    """The body a sentence is about undertakes the project a later clause without its own subject builds
    (青石村合作社种植草莓，还投资80万元建设光伏电站 → 合作社)."""
    doc = w.doc
    for k, sent in enumerate(w.sents.sents):
        topic = _topic(w, k)
        bodies, projects = _by_kind(w, k)
        for v in _TOPIC_VERB.finditer(doc.text, topic.end, sent.end) if topic else ():
            pr = next((p for p in projects if p.start >= v.end()), None)
            if pr is not None and not _CLAUSE_BREAK.search(doc.text, v.end(), pr.start) \
                    and not any(topic.end <= b.start < pr.start for b in bodies if b is not topic):
                w.fact(topic.label, "undertakes", pr.label, sent.start, 0.5)


# 特此通告 甲公司 2022年7月26日: the body that signs a notice
_SIGNED = re.compile(r"特此(?:通告|公告|通知|声明|告知)[。.！!]?\s*")


@rule("relation.undertakes.notice-signer", stage="venture", produces=("undertakes",), requires=("mentions",))
def notice_signer(w: Work) -> None:
    """The company that signs a notice undertakes the projects the notice is about
    (通告 甲小区项目……特此通告 乙房地产开发有限公司 → 乙 undertakes 甲小区项目)."""
    for sig in _SIGNED.finditer(w.text):
        signer = next((m for m in w.mentions if m.start == sig.end() and m.type == "Organization"), None)
        opening = w.text.rfind("通告", 0, sig.start()), w.text.rfind("公告", 0, sig.start())
        start = max(max(opening), sig.start() - 600)
        for pr in [m for m in w.mentions if m.type == "Project" and start <= m.start < sig.start()] if signer else ():
            w.fact(signer.label, "undertakes", pr.label, sig.start(), 0.5)


@rule("relation.undertakes.joined-projects", stage="venture", produces=("undertakes",), requires=("mentions",))
def joined_projects(w: Work) -> None:
    """Projects joined by 暨 are one undertaking: the owners of the first undertake the second
    (甲公司乙物流园项目暨丙检测中心动工 → 甲公司 undertakes 丙检测中心)."""
    owners: dict[str, set[str]] = {}
    for r in w.doc.relations:
        if r.p == "undertakes" and r.o:
            owners.setdefault(r.o, set()).add(r.s)
    projects = [m for m in w.mentions if m.type == "Project"]
    for a, b in zip(projects, projects[1:]):
        if w.text[a.end:b.start] == "暨" and a.label in owners:
            for owner in sorted(owners[a.label] - owners.get(b.label, set())):
                w.fact(owner, "undertakes", b.label, a.start, 0.5)


@rule("relation.locatedIn.builder-place", stage="venture", produces=("locatedIn",), requires=("entities",))
def builder_place(w: Work) -> None:
    """A project not placed yet is where the one body that builds it is, when that is a town or village
    (青石村合作社投资建设光伏电站 → 青石村); it runs last in its stage, after the undertakes rules."""
    doc = w.doc
    placed = {r.s for r in doc.relations if r.p == "locatedIn"}
    where = {r.s: r.o for r in doc.relations if r.p == "locatedIn"}
    owners: dict[str, set[str]] = {}
    said: dict[str, int | None] = {}                 # where the project's builder is named (the evidence)
    for r in doc.relations:
        if r.p == "undertakes" and r.o:
            owners.setdefault(r.o, set()).add(r.s)
            said.setdefault(r.o, r.sentence.start if r.sentence else None)
    for project, bodies in sorted(owners.items()):
        places = {where.get(b) for b in bodies}
        place = places.pop() if len(places) == 1 else None
        if project not in placed and place and _level(doc, place) in ("town", "village"):
            w.fact(project, "locatedIn", place, said[project], 0.45)


def _level(doc: Doc, label: str) -> str | None:
    ent = doc.entities.get(("Place", label))
    return None if ent is None else ent.attrs.get("level")
