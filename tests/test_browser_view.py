"""graph.html used as a person would: opened from disk in headless Chromium, searched, filtered, clicked.

Needs Debian's chromium and the playwright package. Without them these tests
skip, unless KG_REQUIRE_BROWSER is set (as .ci/run does): then they fail.
Screenshots go to the test's tmp folder, and also to KG_SCREENSHOT_DIR if set.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import xml.etree.ElementTree as ET

from kg.cli import main
from kg.model import Article, Fact, Graph, Node
from kg.view import write_graph_json, write_html
from kg.view.browser import browser_missing, chromium
from kg.view.sample import ATTACKS, hostile_graph, random_graph, sample_graph


@pytest.fixture(scope="module")
def browser():
    why = browser_missing()
    if why:
        if os.environ.get("KG_REQUIRE_BROWSER"):
            pytest.fail(f"KG_REQUIRE_BROWSER is set but {why}")
        pytest.skip(why)
    with chromium() as ctx:
        yield ctx


@dataclass
class Opened:
    page: Any
    path: Path
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expr: str, arg: Any = None) -> Any:
        return self.page.evaluate(expr, arg)

    def node_point(self, key: str) -> tuple[float, float]:
        """Where on the screen the node ``key`` is drawn."""
        p = self.js("""(k) => { const n = kgView.network, c = n.canvasToDOM(n.getPositions([k])[k]),
                         r = document.getElementById('net').getBoundingClientRect();
                         return [r.left + c.x, r.top + c.y]; }""", key)
        return p[0], p[1]

    def check_clean(self) -> None:
        """Nothing but the file itself was requested, and the page logged no error."""
        assert self.requests == [self.path.as_uri()], self.requests
        assert self.errors == []


@pytest.fixture()
def open_page(browser, tmp_path):
    opened: list[Opened] = []

    def _open(graph, name: str = "graph.html", timeout: float = 60_000, fragment: str = "",
              viewport: tuple[int, int] | None = None) -> Opened:
        """Open ``graph`` (a Graph, written to ``name`` first, or the path of a page already written)."""
        if isinstance(graph, Path):
            path = graph
        else:
            path = tmp_path / name
            write_html(graph, path)
        page = browser.new_page()
        if viewport:
            page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
        o = Opened(page, path)
        page.on("request", lambda r: o.requests.append(r.url))
        page.on("console", lambda m: o.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: o.errors.append(str(e)))
        page.goto(path.as_uri() + fragment)
        page.wait_for_selector("body[data-ready='1']", timeout=timeout)
        opened.append(o)
        return o

    yield _open
    for o in opened:
        o.page.close()


def screenshot(o: Opened, name: str) -> Path:
    path = o.path.parent / name
    o.page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    if os.environ.get("KG_SCREENSHOT_DIR"):
        Path(os.environ["KG_SCREENSHOT_DIR"]).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(os.environ["KG_SCREENSHOT_DIR"]) / name)
    return path


def test_opens_from_disk_draws_every_node_and_renders_chinese(open_page):
    o = open_page(sample_graph())
    assert o.js("kgView.shownNodes()") == 16       # 15 entities and the article 王建华 reported
    assert o.js("kgView.shownEdges()") == o.js("kgView.data.edges.length") > 10
    assert "16 / 16" in o.page.inner_text("#status")
    assert o.page.inner_text("#legend-types").count("\n") >= 4
    # CJK glyphs exist in the page's font: two different characters draw different pixels (no tofu boxes).
    assert o.js("""() => { const ink = (ch) => { const c = document.createElement('canvas'); c.width = c.height = 40;
                     const x = c.getContext('2d'); x.font = '32px ' + getComputedStyle(document.body).fontFamily;
                     x.fillText(ch, 2, 34); return Array.from(x.getImageData(0, 0, 40, 40).data).join(); };
                   return ink('刘') !== ink('星') && ink('刘') !== ink(' '); }""")
    o.check_clean()


def test_search_by_alias_focuses_the_node_and_shows_its_timeline(open_page):
    o = open_page(sample_graph())
    o.page.fill("#search", "王市长")
    first = o.page.locator("#results button").first
    assert "王建华" in first.inner_text() and "别名 王市长" in first.inner_text()
    o.page.press("#search", "Enter")
    assert o.js("kgView.network.getSelectedNodes()") == ["person/王建华"]
    panel = o.page.locator("#panel")
    assert panel.is_visible() and panel.locator("h2").inner_text() == "王建华"
    dates = panel.locator(".timeline time").all_inner_texts()
    assert len(dates) == 5 and dates == sorted(dates) and dates[0] == "2021"
    assert "3月2日，市长王建华到白鹭新城建设项目现场调研。" in panel.inner_text()
    assert "王建华调研白鹭新城建设 · 2023-03-02 · 青石日报" in panel.inner_text()
    # a link in the timeline moves the focus to the other entity
    panel.locator("button.link", has_text="白鹭新城建设项目").first.click()
    assert o.js("kgView.network.getSelectedNodes()") == ["project/白鹭新城建设项目"]
    assert "投资" in panel.inner_text() and "120亿元" in panel.inner_text()
    screenshot(o, "search-timeline.png")
    o.check_clean()


def test_a_link_with_an_entity_opens_on_it(open_page):
    o = open_page(sample_graph(), fragment="#" + "project/白鹭新城建设项目")
    assert o.page.locator("#panel h2").inner_text() == "白鹭新城建设项目"
    o.page.fill("#search", "王书记")
    o.page.press("#search", "Enter")
    assert o.js("decodeURIComponent(location.hash)") == "#person/王晓东"   # the address names what is shown
    o.check_clean()


def test_type_relation_and_degree_filters(open_page):
    o = open_page(sample_graph())
    o.page.locator("#legend-types input[value=Place]").uncheck()
    assert o.js("kgView.shownNodes()") == 12 and "12 / 16" in o.page.inner_text("#status")
    edges = o.js("kgView.shownEdges()")
    o.page.locator("#legend-relations input[value=holdsPosition]").uncheck()
    assert o.js("kgView.shownEdges()") == edges - 5
    o.page.locator("#min-degree").fill("2")
    shown = o.js("kgView.data.nodes.filter(n => n.degree >= 2 && n.type !== 'Place').length")
    assert o.js("kgView.shownNodes()") == shown < 12
    # searching for a hidden entity brings it back
    o.page.fill("#search", "河北省")
    o.page.press("#search", "Enter")
    assert o.js("kgView.network.getSelectedNodes()") == ["place/河北省"]
    assert o.page.locator("#legend-types input[value=Place]").is_checked()
    o.page.click("#reset")
    assert o.js("kgView.shownNodes()") == 16
    o.check_clean()


def test_hover_shows_details_and_click_opens_panel(open_page):
    o = open_page(sample_graph())
    o.js("kgView.network.setOptions({physics: false}); kgView.network.fit()")
    x, y = o.node_point("project/白鹭新城建设项目")
    o.page.mouse.move(x, y)
    o.page.wait_for_selector("#tooltip:not([hidden])", timeout=5000)
    tip = o.page.inner_text("#tooltip")
    assert "白鹭新城建设项目" in tip and "项目 Project" in tip and "白鹭新城" in tip and "120亿元" in tip
    o.page.mouse.click(x, y)
    assert o.page.locator("#panel h2").inner_text() == "白鹭新城建设项目"
    o.check_clean()


def test_markup_in_articles_shows_as_text_and_runs_nothing(open_page):
    o = open_page(hostile_graph(), "hostile.html")
    o.page.fill("#search", "pwned")
    assert ATTACKS[0] in o.page.locator("#results").inner_text()
    o.page.press("#search", "Enter")
    panel = o.page.locator("#panel")
    assert panel.locator("h2").inner_text() == ATTACKS[0]
    text = panel.inner_text()
    assert ATTACKS[2] in text and ATTACKS[3] in text and ATTACKS[1] in text
    o.js("kgView.network.setOptions({physics: false})")
    x, y = o.node_point("person/x")
    o.page.mouse.move(x, y)
    o.page.wait_for_selector("#tooltip:not([hidden])", timeout=5000)
    assert ATTACKS[0] in o.page.inner_text("#tooltip")
    assert o.js("window.__pwned") is None
    assert o.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    svg = o.js("kgView.svg()")                     # the SVG download keeps the markup as text too
    assert "<script" not in svg and "<img" not in svg and ET.fromstring(svg.split("\n", 1)[1]) is not None
    assert o.js("document.scripts.length") == 3
    o.check_clean()


def test_unlinked_entities_start_hidden_on_big_graphs_but_can_be_found(open_page):
    g = random_graph(400, 800, seed=6)
    g.nodes["place/孤村"] = Node("place/孤村", "Place", "孤村")
    o = open_page(g, "unlinked.html")
    assert o.js("kgView.shownNodes()") == 400 and "400 / 401" in o.page.inner_text("#status")
    o.page.fill("#search", "孤村")
    o.page.press("#search", "Enter")
    assert o.js("kgView.shownNodes()") == 401 and o.page.input_value("#min-degree") == "0"
    o.check_clean()


def test_big_graph_opens_laid_out_and_filters(open_page):
    o = open_page(random_graph(1200, 2400, seed=2), "big.html", timeout=30_000)
    assert o.js("kgView.data.physics") is False
    assert o.js("kgView.shownNodes()") == 1200
    assert o.js("kgView.readyAt") < 15_000          # generous: CPUs here are shared
    assert o.js("kgView.labelsShown()") >= 20 and overlapping(o.js("kgView.labelBoxes()")) == []
    # drawn in batches, the nodes can still be hovered and clicked
    key = o.js("kgView.data.nodes[5].id")
    o.js("""(k) => { const n = kgView.network; n.moveTo({position: n.getPositions([k])[k], scale: 1.5}); n.redraw(); }""", key)
    x, y = o.node_point(key)
    o.page.mouse.click(x, y)
    assert o.page.locator("#panel h2").inner_text() == o.js("(k) => kgView.data.nodes.find(n => n.id === k).label", key)
    o.page.click("#reset")
    o.page.locator("#min-degree").fill("4")
    expected = o.js("kgView.data.nodes.filter(n => n.degree >= 4).length")
    assert o.js("kgView.shownNodes()") == expected < 1200
    screenshot(o, "big.png")
    o.check_clean()


# ---------- reading at first sight ----------

@pytest.fixture(scope="module")
def seed_build(tmp_path_factory):
    """The seed articles built as a user would (kg build seeds): graph.html and graph.json."""
    out = tmp_path_factory.mktemp("seeds") / "out"
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    assert main(["build", str(seeds), "-o", str(out)]) == 0
    return out


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of drawn labels whose boxes overlap."""
    bad = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]:
                bad.append((a["text"], b["text"]))
    return bad


def test_first_paint_labels_the_most_connected_without_overlap(open_page, seed_build):
    o = open_page(seed_build / "graph.html", viewport=(1280, 720))
    assert o.js("kgView.labelsShown()") >= 20
    boxes = o.js("kgView.labelBoxes()")
    assert overlapping(boxes) == []
    net = o.page.locator("#net").bounding_box()
    assert all(0 <= b["x"] and b["x"] + b["w"] <= net["width"] and 0 <= b["y"] and b["y"] + b["h"] <= net["height"]
               for b in boxes)
    # the most connected entities are among the labelled ones; edge labels wait for a hover on this big a view
    top = o.js("kgView.data.nodes.slice().sort((a, b) => b.score - a.score).slice(0, 5).map(n => n.id)")
    assert set(top) <= {b["id"] for b in boxes if not b["edge"]}
    assert not any(b["edge"] for b in boxes)
    screenshot(o, "seed-first-paint.png")
    # zooming in reveals labels that had no room, still without overlap
    before = {b["id"] for b in boxes}
    o.js("kgView.network.moveTo({scale: kgView.network.getScale() * 3}); kgView.network.redraw()")
    after = o.js("kgView.labelBoxes()")
    assert {b["id"] for b in after} - before and overlapping(after) == []
    o.check_clean()


def test_hovered_edges_and_the_selected_node_are_labelled_and_the_node_ringed(open_page):
    o = open_page(random_graph(300, 600, seed=4), "medium.html", viewport=(1280, 720))
    assert o.js("kgView.marked()") == [] and not any(b["edge"] for b in o.js("kgView.labelBoxes()"))
    # hovering an edge labels it
    edge = o.js("kgView.data.edges[3]")
    mid = o.js("""(e) => { const n = kgView.network, p = n.getPositions([e.from, e.to]);
        const m = {x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2};
        n.setOptions({physics: false}); n.moveTo({position: m, scale: 2}); n.redraw();
        const c = n.canvasToDOM(m), r = document.getElementById('net').getBoundingClientRect();
        return [r.left + c.x, r.top + c.y]; }""", edge)
    o.page.mouse.move(mid[0] - 1, mid[1] - 1)
    o.page.mouse.move(mid[0], mid[1])
    o.page.wait_for_function("kgView.labelBoxes().some(b => b.edge)", timeout=5000)
    assert [b["text"] for b in o.js("kgView.labelBoxes()") if b["edge"]] == [edge["label"]]
    o.page.mouse.move(5, 5)
    key = o.js("kgView.data.nodes.slice().sort((a, b) => b.degree - a.degree)[0].id")
    o.js("(k) => kgView.focusNode(k)", key)
    assert o.js("kgView.marked()") == [key]
    boxes = o.js("kgView.labelBoxes()")
    assert key in {b["id"] for b in boxes} and any(b["edge"] for b in boxes) and overlapping(boxes) == []
    o.check_clean()


def test_panel_does_not_hide_the_network_at_1280x720(open_page):
    o = open_page(random_graph(300, 600, seed=4), "medium.html", viewport=(1280, 720))
    key = o.js("kgView.data.nodes[7].id")
    o.js("(k) => kgView.focusNode(k)", key)
    net, panel = o.page.locator("#net").bounding_box(), o.page.locator("#panel").bounding_box()
    assert panel["width"] > 250 and net["x"] + net["width"] <= panel["x"] + 1 and net["width"] >= 600
    o.page.wait_for_timeout(300)     # the network has refitted to the space the panel left
    x, y = o.node_point(key)
    assert net["x"] < x < net["x"] + net["width"] and net["y"] < y < net["y"] + net["height"]
    o.check_clean()


def test_a_focus_view_labels_every_node_and_marks_the_focus(open_page, tmp_path):
    write_graph_json(sample_graph(), tmp_path / "graph.json")
    assert main(["view", str(tmp_path), "--focus", "王建华", "-o", str(tmp_path / "focus.html")]) == 0
    o = open_page(tmp_path / "focus.html", viewport=(1280, 720))
    n = o.js("kgView.data.nodes.length")
    assert o.js("kgView.labelsShown()") == n == 6
    boxes = o.js("kgView.labelBoxes()")
    assert overlapping(boxes) == [] and any(b["edge"] for b in boxes)      # a small view labels its edges
    assert o.js("kgView.marked()") == ["person/王建华"]
    assert o.page.locator("#panel h2").inner_text() == "王建华"                # and opens on the focused entity
    screenshot(o, "focus.png")
    o.check_clean()


def test_relation_and_type_colours_are_the_same_in_every_view(open_page, tmp_path):
    write_graph_json(sample_graph(), tmp_path / "graph.json")
    write_html(sample_graph(), tmp_path / "graph.html")
    assert main(["view", str(tmp_path), "--focus", "王晓东", "--depth", "1", "-o", str(tmp_path / "focus.html")]) == 0
    full = open_page(tmp_path / "graph.html")
    focus = open_page(tmp_path / "focus.html")
    a, b = full.js("kgView.relationColors()"), focus.js("kgView.relationColors()")
    assert len(a) == 2 * full.js("kgView.data.relations.length") == 18 and len(b) < len(a)   # all relations; a few
    for p, colour in b.items():
        assert a[p] == colour, p
    assert full.js("kgView.data.palette") == focus.js("kgView.data.palette")
    node_colours = "Object.fromEntries(kgView.data.nodes.map(n => [n.type, n.color + n.shape]))"
    fa, fb = full.js(node_colours), focus.js(node_colours)
    assert all(fa[t] == c for t, c in fb.items())
    full.check_clean()
    focus.check_clean()


def chain_graph() -> Graph:
    """甲 inspected 乙, which 丙 undertakes (two steps); 甲 also reaches 丙 in three steps through 丁 and 戊."""
    g = Graph()
    for key, type_ in (("person/甲", "Person"), ("project/乙", "Project"), ("organization/丙", "Organization"),
                       ("agency/丁", "Agency"), ("place/戊", "Place"), ("person/己", "Person")):
        g.nodes[key] = Node(key, type_, key.split("/")[1])
    g.articles["n1"] = Article("n1", "", "甲到乙调研", "2022-05-01", "news.jsonl")
    g.facts = [Fact("person/甲", "inspected", "project/乙", "n1", date="2022-05-01", evidence="甲到乙现场调研。"),
               Fact("organization/丙", "undertakes", "project/乙", "n1", evidence="乙由丙承担。"),
               Fact("person/甲", "holdsPosition", None, "n1", role="局长", org="agency/丁"),
               Fact("agency/丁", "jurisdiction", "place/戊", "n1"),
               Fact("organization/丙", "locatedIn", "place/戊", "n1"),
               Fact("person/己", "attended", "project/乙", "n1")]
    return g


def test_path_finder_draws_the_shortest_chain_with_its_evidence(open_page):
    o = open_page(chain_graph(), "chain.html")
    for box, name in (("#path-from", "甲"), ("#path-to", "丙")):
        o.page.fill(box, name)
        o.page.press(box, "Enter")
    o.page.click("#path-go")
    assert o.js("kgView.shownNodes()") == 3 and o.js("kgView.shownEdges()") == 2
    panel = o.page.locator("#panel")
    assert panel.locator(".paths > li").count() == 1
    chain = panel.locator(".paths .chain").inner_text()
    assert chain.index("甲") < chain.index("乙") < chain.index("丙")
    text = panel.inner_text()
    assert "甲到乙现场调研。" in text and "乙由丙承担。" in text and "编号 n1" in text
    assert panel.locator(".paths mark", has_text="甲").count() >= 1        # the mentions are marked
    assert o.js("kgView.findPaths('person/甲', 'place/戊').length") == 1    # 甲 → 丁 → 戊
    assert "path=" in o.js("decodeURIComponent(location.hash)")
    screenshot(o, "path.png")
    o.page.go_back()                                                     # Back leaves the path
    assert o.js("kgView.shownNodes()") == 6 and panel.is_hidden()
    o.check_clean()


def test_career_shows_posts_as_bars_and_visits_as_points(open_page):
    o = open_page(sample_graph(), fragment="#person/王建华")
    career = o.page.locator("#panel #career")
    assert career.locator("rect.bar").count() == 2                       # 市长 since 2021, 市委副书记
    assert career.locator("circle.event").count() == 2                   # an inspection and a meeting
    bar = career.locator("rect.bar").first.bounding_box()
    points = [career.locator("circle.event").nth(i).bounding_box() for i in range(2)]
    assert all(bar["x"] < p["x"] < bar["x"] + bar["width"] for p in points)   # both during the 市长 tenure
    assert "市长 · 青石市人民政府" in career.text_content()
    screenshot(o, "career.png")
    o.check_clean()


def test_the_address_holds_the_state_and_back_restores_it(open_page):
    o = open_page(sample_graph())
    o.page.fill("#search", "王建华")
    o.page.press("#search", "Enter")
    panel = o.page.locator("#panel")
    panel.locator("button.link", has_text="白鹭新城建设项目").first.click()
    assert panel.locator("h2").inner_text() == "白鹭新城建设项目"
    o.page.locator("#legend-types input[value=Place]").uncheck()
    assert "hide=Place" in o.js("location.hash")
    o.page.go_back()
    assert o.page.locator("#legend-types input[value=Place]").is_checked() and o.js("kgView.shownNodes()") == 16
    assert panel.locator("h2").inner_text() == "白鹭新城建设项目"
    o.page.go_back()
    assert panel.locator("h2").inner_text() == "王建华"                    # Back restores the previous panel
    o.page.go_forward()
    assert panel.locator("h2").inner_text() == "白鹭新城建设项目"
    o.js("location.hash = '#' + encodeURIComponent('person/王晓东')")      # an address typed by hand
    o.page.wait_for_function("document.querySelector('#panel h2') && document.querySelector('#panel h2').textContent === '王晓东'")
    o.check_clean()


def test_the_view_downloads_as_png_and_svg(open_page, tmp_path):
    o = open_page(sample_graph())
    with o.page.expect_download() as d:
        o.page.click("#download-png")
    png = Path(d.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5_000 and d.value.suggested_filename.endswith(".png")
    with o.page.expect_download() as d:
        o.page.click("#download-svg")
    svg = ET.parse(d.value.path()).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t.text for t in svg.iter(ns + "text")]
    assert len(list(svg.iter(ns + "line"))) == o.js("kgView.shownEdges()")
    assert "王建华" in texts and len(texts) >= o.js("kgView.labelsShown()")
    colours = {e.get("data-p"): e.get("stroke") for e in svg.iter(ns + "line")}
    assert colours == {p: c for p, c in o.js("kgView.relationColors()").items() if not p.startswith("legend:")}
    o.check_clean()


def test_a_phone_screen_shows_the_graph_and_a_usable_panel(open_page):
    o = open_page(sample_graph(), viewport=(390, 844))
    assert o.js("document.documentElement.scrollWidth") <= 390
    net = o.page.locator("#net").bounding_box()
    assert net["width"] >= 380 and net["height"] >= 500
    o.page.fill("#search", "王建华")
    o.page.press("#search", "Enter")
    panel, net = o.page.locator("#panel").bounding_box(), o.page.locator("#net").bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 390 and panel["y"] + 100 < 844
    assert net["height"] >= 300 and o.js("document.documentElement.scrollWidth") <= 390
    assert o.page.locator("#panel h2").inner_text() == "王建华"
    screenshot(o, "phone.png")
    # the filters open as a drawer, within the screen, and work
    o.page.click("#toggle-controls")
    o.page.wait_for_timeout(300)
    box = o.page.locator("#controls").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    o.page.locator("#legend-types input[value=Place]").uncheck()
    assert o.js("kgView.shownNodes()") == 12
    o.page.click("#toggle-controls")
    o.check_clean()


def test_a_corrected_fact_is_marked_and_its_note_shown_in_the_panel(open_page):
    from kg.correct import apply
    from kg.correct.file import parse
    g = Graph(nodes={"person/王建华": Node("person/王建华", "Person", "王建华", articles={"a"}),
                     "agency/东山县人民政府": Node("agency/东山县人民政府", "Agency", "东山县人民政府", articles={"a"}),
                     "place/西山县": Node("place/西山县", "Place", "西山县", articles={"a"})},
              facts=[Fact("person/王建华", "inspected", "place/西山县", "a", evidence="王建华到西山县调研。", id="f1")],
              articles={"a": Article("a", "", "东山县新闻", "2024-05-01")})
    apply(g, parse('[[add]]\narticle = "a"\ns = "王建华"\np = "holdsPosition"\nrole = "县长"\norg = "东山县人民政府"\n'
                   'note = "县政府网站"\nwho = "审校甲"\nwhy = "补充职务"\n', Path("c.toml")))
    o = open_page(g)
    o.js("(k) => kgView.focusNode(k)", "person/王建华")
    panel = o.page.inner_text("#panel-body")
    assert "✎ 已更正 corrected · add · 审校甲：补充职务（县政府网站）" in panel
    assert panel.count("已更正") == 1 and "事实 f1" in panel
    assert o.page.locator(".timeline li.corrected").count() == 1
    assert [e["label"] for e in o.js("kgView.data.edges") if e["corrected"]] == ["✎ 县长"]
    o.check_clean()


@pytest.mark.parametrize("viewport", [(1280, 720), (390, 844)])
def test_a_bounded_page_shows_its_notice_beside_the_network(open_page, tmp_path, viewport):
    path = tmp_path / "bounded.html"
    write_html(random_graph(300, 900, seed=11), path, max_nodes=60)
    o = open_page(path, viewport=viewport)
    assert o.js("kgView.data.nodes.length") == 60
    notice = o.page.locator("#notice")
    assert notice.is_visible() and "60 / 300" in notice.inner_text() and "--focus" in notice.inner_text()
    box, net = notice.bounding_box(), o.page.locator("#net").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport[0] and box["y"] + box["height"] <= net["y"] + 1
    assert net["height"] >= viewport[1] * 0.6 and o.js("document.documentElement.scrollWidth") <= viewport[0]
    screenshot(o, f"bounded-{viewport[0]}.png")
    o.check_clean()
