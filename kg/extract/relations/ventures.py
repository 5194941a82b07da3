"""undertakes and partnerOf: bodies around projects and the words that join them."""
from __future__ import annotations

import re

from ...model import Doc
from ..persons import roles
from ..spans import Candidate
from ..registry import rule
from .common import BODY, Rel, Sentences


def heads_title(doc: Doc, body: Candidate) -> bool:
    """A body written right before a title (某某局局长) speaks through a person; it is no owner."""
    return roles().match_at(doc.text, body.end) is not None


_HOSTING = re.compile(r"(?:联合主办|共同主办|主办|承办|协办|联合举办|共同举办)")


def _hosts(doc: Doc, sent, bodies: list[Candidate], rel: Rel) -> list[str]:
    """Bodies that host one event together (由甲主办、乙承办的…) are partners; returns the hosts."""
    hosts: list[str] = []
    for b in bodies:
        m = _HOSTING.match(doc.text, b.end) or _HOSTING.match(doc.text, b.end + 1) if b.end < sent.end else None
        if m and not heads_title(doc, b) and b.label not in hosts:
            hosts.append(b.label)
    for i, a in enumerate(hosts):
        for b in hosts[i + 1:]:
            rel(a, "partnerOf", b, sent.start, "co-hosts", 0.6)
    return hosts


_EVENT_HELD = re.compile(r"(?:会|活动|论坛|展|赛)[^，。；]{0,12}?(?:召开|举行|举办|开幕|启动)")
_SPOKE = re.compile(r"(?:表示|说|指出|发言|致辞|讲话|介绍|强调)")


def _story_end(doc: Doc, pos: int) -> int:
    """Where the story around ``pos`` ends: its end, or an earlier headline-like paragraph (short, no full stop)."""
    end = next((b for a, b, _ in doc.stories if a <= pos < b), len(doc.text))
    for m in re.finditer(r"\n\s*\n([^\n]{1,40})(?=\n)", doc.text[pos:end]):
        if not re.search(r"[。！？.!?]", m.group(1)):
            return pos + m.start()
    return end


def speakers_at_hosted_events(doc: Doc, sents: Sentences, hosts_at: dict[int, list[str]], rel: Rel) -> None:
    """In a story about an event its hosts held (由甲主办…的交流会召开), the officials who speak
    there (某局长表示, …) attended it, that is the hosts."""
    titled = {r.s for r in doc.relations if r.p == "holdsPosition"}
    for a, hosts in hosts_at.items():
        if not hosts:
            continue
        b = _story_end(doc, a)
        for k, sent in enumerate(sents.sents):
            if not a <= sent.start < b:
                continue
            for m in sents.mentions[k]:
                if m.type == "Person" and m.label in titled and _SPOKE.match(doc.text, m.end):
                    for h in hosts:
                        rel(m.label, "attended", h, sent.start, "speaker-at-hosted-event", 0.5)


_BY = re.compile(r"[，,]?(?:将|已|拟)?由")
_PASSIVE = re.compile(r"(?:共同|联合|负责|出资|独资)?(?:投资建设|投资兴建|投资|建设|承建|实施|运营|开发|建造|施工)")
_BUILDS = re.compile(r"(?:重点|精心|着力|倾力)?(?:组建|培育|打造|推出|创办|运营|实施|建设)的")
_JOINT_WORK = re.compile(r"(?:合作|联合|共同)(?:研发|开发|攻关|实施|承担|完成|建设|研制)?的[“\"]?")


def _run_after(doc: Doc, bodies: list[Candidate], pos: int) -> list[Candidate]:
    """The bodies joined by 与/和/、 that start right at ``pos`` (由|甲与乙…)."""
    run: list[Candidate] = []
    start = pos
    for b in [b for b in bodies if b.start >= pos]:
        if b.start != start and not re.fullmatch(r"[与和同、及]", doc.text[start:b.start]):
            break
        run.append(b)
        start = b.end
    return run


def _run_before(doc: Doc, bodies: list[Candidate], pos: int) -> list[Candidate]:
    """The bodies joined by 与/和/、 that end right at ``pos`` (甲与乙、丙|合作)."""
    run: list[Candidate] = []
    end = pos
    for b in reversed([b for b in bodies if b.end <= pos]):
        if b.end != end and not re.fullmatch(r"[与和同、及]", doc.text[b.end:end]):
            break
        run.append(b)
        end = b.start
    return run


def ventures(doc: Doc, mentions: list[Candidate], sents: Sentences, rel: Rel) -> None:
    """undertakes (owners, builders, joint and passive owners, a company named before its project) and
    partnerOf (bodies joined by a real connector, co-hosts of an event)."""
    hosts_at: dict[int, list[str]] = {}
    for k, sent in enumerate(sents.sents):
        ms, trig = sents.mentions[k], sents.triggers[k]
        bodies = [m for m in ms if m.type in BODY]
        projects = [m for m in ms if m.type == "Project"]
        if projects and bodies and "undertakes" in trig:
            for pr in projects:
                # the owner is the subject of the verb: 甲公司投资建设乙项目, 由甲承建
                owners = [b for b in bodies if b.end <= pr.start and not heads_title(doc, b)
                          and any(0 <= t - b.end <= 3 and t < pr.start for t in trig["undertakes"])]
                if owners:            # …and the bodies joined to it (甲与乙签约…项目)
                    for owner in _run_before(doc, bodies, owners[-1].end):
                        rel(owner.label, "undertakes", pr.label, sent.start, "trigger:undertakes", 0.6)
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
        for pr in projects:       # 甲项目由乙与丙共同投资建设
            by = _BY.match(doc.text, pr.end)
            if by:
                run = _run_after(doc, bodies, by.end())
                if run and _PASSIVE.match(doc.text, run[-1].end):
                    for b in run:
                        rel(b.label, "undertakes", pr.label, sent.start, "passive-owner", 0.6)
        for b in bodies:
            if _BUILDS.match(doc.text, b.end):     # 甲组建的乙、丙等项目; “丁”是甲重点培育的…项目
                for pr in projects:
                    if pr.start > b.end or re.match(r"[”\"]?(?:是|为)", doc.text[pr.end:pr.end + 2]):
                        rel(b.label, "undertakes", pr.label, sent.start, "builds", 0.6)
        for j in _JOINT_WORK.finditer(doc.text, sent.start, sent.end):
            # 甲与乙、丙合作的“丁”项目: every partner undertakes the work
            work = next((p for p in projects if -1 <= p.start - j.end() <= 1), None)
            run = _run_before(doc, bodies, j.start())
            if work is not None:
                for b in run:
                    rel(b.label, "undertakes", work.label, sent.start, "joint-work", 0.6)
        if _EVENT_HELD.search(sent.text):
            hosts_at[sent.start] = _hosts(doc, sent, bodies, rel)
    speakers_at_hosted_events(doc, sents, hosts_at, rel)
    for (t, label) in list(doc.entities):
        if t != "Project":
            continue
        for (t2, org) in list(doc.entities):
            if t2 in BODY and label.startswith(org) and len(label) > len(org) + 2:
                rel(org, "undertakes", label, None, "name-prefix", 0.7)


@rule("relation.venture.all", stage="venture", produces=("undertakes", "partnerOf", "attended"), requires=("mentions",))
def _ventures(w) -> None:
    """undertakes, partnerOf (coarse, to be split)."""
    ventures(w.doc, w.mentions, w.sents, lambda s, p, o, pos, rule, conf, **kw: w.fact(s, p, o, pos, conf, rule=rule, **kw))
