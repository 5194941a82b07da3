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

from kg.model import Node
from kg.view import write_html
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

    def _open(graph, name: str = "graph.html", timeout: float = 60_000, fragment: str = "") -> Opened:
        path = tmp_path / name
        write_html(graph, path)
        page = browser.new_page()
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
    assert o.js("kgView.shownNodes()") == 16       # 15 entities and the article 刘星 reported
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
    o.page.fill("#search", "刘市长")
    first = o.page.locator("#results button").first
    assert "刘星" in first.inner_text() and "别名 刘市长" in first.inner_text()
    o.page.press("#search", "Enter")
    assert o.js("kgView.network.getSelectedNodes()") == ["person/刘星"]
    panel = o.page.locator("#panel")
    assert panel.is_visible() and panel.locator("h2").inner_text() == "刘星"
    dates = panel.locator(".timeline time").all_inner_texts()
    assert len(dates) == 5 and dates == sorted(dates) and dates[0] == "2021"
    assert "3月2日，市长刘星到潇河新城建设项目现场调研。" in panel.inner_text()
    assert "刘星调研潇河新城建设 · 2023-03-02 · 晋中日报" in panel.inner_text()
    # a link in the timeline moves the focus to the other entity
    panel.locator("button.link", has_text="潇河新城建设项目").first.click()
    assert o.js("kgView.network.getSelectedNodes()") == ["project/潇河新城建设项目"]
    assert "投资" in panel.inner_text() and "120亿元" in panel.inner_text()
    screenshot(o, "search-timeline.png")
    o.check_clean()


def test_a_link_with_an_entity_opens_on_it(open_page):
    o = open_page(sample_graph(), fragment="#" + "project/潇河新城建设项目")
    assert o.page.locator("#panel h2").inner_text() == "潇河新城建设项目"
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
    o.page.fill("#search", "山西省")
    o.page.press("#search", "Enter")
    assert o.js("kgView.network.getSelectedNodes()") == ["place/山西省"]
    assert o.page.locator("#legend-types input[value=Place]").is_checked()
    o.page.click("#reset")
    assert o.js("kgView.shownNodes()") == 16
    o.check_clean()


def test_hover_shows_details_and_click_opens_panel(open_page):
    o = open_page(sample_graph())
    o.js("kgView.network.setOptions({physics: false}); kgView.network.fit()")
    x, y = o.node_point("project/潇河新城建设项目")
    o.page.mouse.move(x, y)
    o.page.wait_for_selector("#tooltip:not([hidden])", timeout=5000)
    tip = o.page.inner_text("#tooltip")
    assert "潇河新城建设项目" in tip and "项目 Project" in tip and "潇河新城" in tip and "120亿元" in tip
    o.page.mouse.click(x, y)
    assert o.page.locator("#panel h2").inner_text() == "潇河新城建设项目"
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
    o.page.locator("#min-degree").fill("4")
    expected = o.js("kgView.data.nodes.filter(n => n.degree >= 4).length")
    assert o.js("kgView.shownNodes()") == expected < 1200
    screenshot(o, "big.png")
    o.check_clean()
