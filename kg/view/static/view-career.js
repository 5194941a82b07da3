  /* career: posts as dated bars, visits and meetings as points, on one time axis */
  var SVGNS = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  function yearOf(d) { // "2023-03-02" → 2023.17
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d || "");
    if (!m) return null;
    return Number(m[1]) + (m[2] ? (Number(m[2]) - 1) / 12 : 0) + (m[3] ? (Number(m[3]) - 1) / 365 : 0);
  }
  var LATEST = DATA.facts.reduce(function (m, f) { var y = yearOf(f.when); return y && y > m ? y : m; }, 0);
  function careerOf(id) {
    var posts = new Map(), events = [];
    (byId.get(id).facts || []).forEach(function (i) {
      var f = DATA.facts[i];
      if (f.s !== id) return;
      if (f.p === "holdsPosition") {
        var key = (f.role || "职") + " · " + (f.org ? labelOf(f.org) : "");
        var p = posts.get(key) || { name: key, from: null, to: null, open: false, dated: false, when: [], facts: [] };
        var s = yearOf(f.start), e = yearOf(f.end), w = yearOf(f.when);
        if (s !== null || e !== null) p.dated = true;
        if (s !== null) p.from = p.from === null ? s : Math.min(p.from, s);
        if (e !== null) p.to = p.to === null ? e + 1 : Math.max(p.to, e + 1);
        if (s !== null && e === null && !f.former) p.open = true;
        if (w !== null) p.when.push(w);
        p.facts.push(i);
        posts.set(key, p);
      } else if (f.p === "inspected" || f.p === "attended" || f.p === "investigatedBy") {
        var y = yearOf(f.when);
        if (y !== null) events.push({ at: y, f: f, i: i });
      }
    });
    var bars = Array.from(posts.values()).map(function (p) {
      var w = p.when.length ? p.when : [];
      var from = p.from !== null ? p.from : (w.length ? Math.min.apply(null, w) : null);
      var to = p.to !== null ? p.to : (p.open ? Math.max(LATEST, from || 0) : (w.length ? Math.max.apply(null, w) : from));
      return { name: p.name, from: from, to: to, dated: p.dated, open: p.open, facts: p.facts };
    }).filter(function (b) { return b.from !== null; });
    bars.sort(function (a, b) { return a.from - b.from || (a.name < b.name ? -1 : 1); });
    return { bars: bars, events: events };
  }
  function careerChart(id) {
    var c = careerOf(id);
    if (!c.bars.length && !c.events.length) return null;
    var all = [];
    c.bars.forEach(function (b) { all.push(b.from, b.to); });
    c.events.forEach(function (e) { all.push(e.at); });
    var lo = Math.floor(Math.min.apply(null, all)), hi = Math.ceil(Math.max.apply(null, all) + 0.01);
    if (hi - lo < 2) { lo -= 1; hi += 1; }
    var W = 330, L = 16, R = 16, rowH = 22, top = 6, nameH = 12;
    var H = top + c.bars.length * (rowH + nameH) + (c.events.length ? rowH + nameH : 0) + 22;
    function X(y) { return L + (y - lo) / (hi - lo) * (W - L - R); }
    var svg = svgEl("svg", { id: "career", viewBox: "0 0 " + W + " " + H, width: "100%", role: "img",
                             "aria-label": "履历 Career" });
    var step = hi - lo > 12 ? 5 : hi - lo > 6 ? 2 : 1;
    for (var y = Math.ceil(lo / step) * step; y <= hi; y += step) {
      svg.appendChild(svgEl("line", { x1: X(y), x2: X(y), y1: top, y2: H - 18, class: "grid" }));
      svg.appendChild(svgEl("text", { x: X(y), y: H - 5, class: "axis", "text-anchor": "middle" }, y));
    }
    var row = top;
    c.bars.forEach(function (b) {
      svg.appendChild(svgEl("text", { x: L, y: row + nameH - 2, class: "post" }, b.name));
      var x0 = X(b.from), x1 = Math.max(X(b.to), x0 + 6);
      var r = svgEl("rect", { x: x0, y: row + nameH + 2, width: x1 - x0, height: rowH - 8, rx: 3,
                              class: "bar" + (b.dated ? "" : " undated") + (b.open ? " open" : ""),
                              fill: relColor("holdsPosition") });
      r.appendChild(svgEl("title", {}, b.name + (b.dated ? "" : "（任期不详，见报日期）")));
      svg.appendChild(r);
      row += rowH + nameH;
    });
    if (c.events.length) {
      svg.appendChild(svgEl("text", { x: L, y: row + nameH - 2, class: "post" }, "视察、出席 Visits and meetings"));
      c.events.forEach(function (e, k) {
        var target = e.f.t || e.f.o;
        var dot = svgEl("circle", { cx: X(e.at), cy: row + nameH + 2 + (rowH - 8) / 2 + (k % 3 - 1) * 3, r: 5,
                                   class: "event", fill: relColor(e.f.p), "data-p": e.f.p });
        dot.appendChild(svgEl("title", {}, e.f.when + " " + relName(e.f.p) + " " + labelOf(target)));
        if (byId.has(target)) dot.addEventListener("click", function () { focusNode(target); commit(); });
        svg.appendChild(dot);
      });
    }
    return svg;
  }

  function showPanel(id) {
    var n = byId.get(id);
    if (!n) return;
    openPanel();
    state.node = id;
    body.appendChild(el("h2", "", n.label));
    var badge = el("span", "badge", typeName(n.type));
    badge.style.background = n.color;
    body.appendChild(badge);
    var dl = el("dl");
    function row(k, v) { if (v) add(dl, el("dt", "", k), el("dd", "", v)); }
    row("别名", n.aliases.join("、"));
    row("职务", n.posts.join("；"));
    n.attrs.forEach(function (a) { row(a[0], a[1]); });
    row("关系数", String(n.degree));
    body.appendChild(dl);
    var tools = el("div", "panel-tools");
    var from = el("button", "", "路径从此 Path from here");
    from.type = "button";
    from.addEventListener("click", function () { setPathEnd($("path-from"), id); openControls("path"); });
    tools.appendChild(from);
    body.appendChild(tools);
    var chart = n.type === "Person" ? careerChart(id) : null;
    if (chart) {
      body.appendChild(el("h3", "", "履历 Career"));
      body.appendChild(chart);
      body.appendChild(el("p", "hint", "条：任期（虚框：任期不详，按见报日期）· 点：视察、出席、被调查 " +
                                       "Bars: posts (dashed: tenure unknown, at the article date) · dots: visits, meetings, investigations"));
    }
    body.appendChild(el("h3", "", "时间线 Timeline (" + n.facts.length + ")"));
    body.appendChild(factList(n.facts, id));
    body.appendChild(el("h3", "", "来源文章 Sources (" + n.articles.length + ")"));
    var ul = el("ul", "sources");
    n.articles.forEach(function (aid) { ul.appendChild(add(el("li"), citation(aid))); });
    body.appendChild(ul);
    panel.scrollTop = 0;
    network.redraw();
  }
  function showEdgePanel(eid) {
    var e = DATA.edges[eid];
    if (!e) return;
    openPanel();
    add(body, add(el("h2"), relName(e.p)), add(el("p"), nodeLink(e.from), " → ", nodeLink(e.to)));
    body.appendChild(el("h3", "", "时间线 Timeline (" + e.facts.length + ")"));
    body.appendChild(factList(e.facts.slice().sort(function (a, b) {
      return (DATA.facts[a].when || "9999") < (DATA.facts[b].when || "9999") ? -1 : 1;
    }), e.from));
  }
  network.on("click", function (p) {
    tip.hidden = true;
    if (p.nodes.length) { if (state.only && !state.only.has(p.nodes[0])) clearPath(); showPanel(p.nodes[0]); commit(); }
    else if (p.edges.length) showEdgePanel(p.edges[0]);
    else if (!state.only) { hidePanel(); commit(); }
  });
