"""Article context: the home city (what 我市, 市委, 市长 mean), its province, the article date."""
from __future__ import annotations

import re
from collections import Counter

from ..model import Doc
from ..divisions import divisions
from .registry import rule

_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b")


def infer_home(text: str, matches: list | None = None) -> str | None:
    """The prefecture-level city the text is most about, or None.

    Cities named in full count double; a county counts for its city.

    >>> infer_home("晋中市召开会议。榆次区、太谷区……太原理工大学")
    '晋中市'
    """
    votes: Counter[str] = Counter()
    for _, _, surface, cands in (matches if matches is not None else divisions().gazetteer.finditer(text)):
        cities = {d.name if d.level == "city" else d.parent for d in cands if d.level in ("city", "county")}
        if len(cities) != 1:
            continue
        city = cities.pop()
        if city is None:
            continue
        full = any(surface == d.name for d in cands)
        is_city = any(d.level == "city" for d in cands)
        votes[city] += (2 if full else 1) * (1 if is_city else 0.5)
    if not votes:
        return None
    (best, n), *rest = votes.most_common(2) + [(None, 0)]
    return best if n >= 2 else None


def article_date(text: str) -> str | None:
    """The latest full date the text gives (年月日 or ISO), as YYYY-MM-DD.

    >>> article_date("2021年3月5日开工，2022年7月26日投产")
    '2022-07-26'
    """
    dates = []
    for m in (*_FULL_DATE.finditer(text), *_ISO_DATE.finditer(text)):
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            dates.append(f"{y:04d}-{mo:02d}-{d:02d}")
    return max(dates) if dates else None


def set_context(doc: Doc, home: str | None = None, matches: list | None = None) -> Doc:
    """Fill ``doc.home``, ``doc.province`` and ``doc.date``; ``matches`` are the division names in the text."""
    divs = divisions()
    given = home or doc.article.home
    city = None
    if given:
        d = divs.get(given)
        city = d.name if d else given
    else:
        city = infer_home(doc.text, matches)
    doc.home = city
    if city:
        d = divs.get(city)
        doc.province = d.province if d else None
    doc.date = doc.article.date or article_date(doc.text)
    return doc


@rule("prepare.context", stage="prepare", assigns=("home", "date", "division_matches"), optional=False)
def _context(w) -> None:
    """The home city (what 我市, 市委 mean), its province and the article date."""
    w.division_matches = list(divisions().gazetteer.finditer(w.text))
    set_context(w.doc, w.home_hint, w.division_matches)
