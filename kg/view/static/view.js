/* kg network view: draws the data of script#kg-data with vis-network.
   Article text is untrusted: it only ever reaches the page through textContent
   and canvas labels, never through innerHTML. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var FONT = '"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif';
  var BIG = !DATA.physics;
  var byId = new Map();
  DATA.nodes.forEach(function (n) { byId.set(n.id, n); });
  var typeInfo = new Map(DATA.types.map(function (t) { return [t.type, t]; }));
  var relInfo = new Map(DATA.relations.map(function (r) { return [r.p, r]; }));
  var REL_NAMES = { reported: "报道" };
  var api = window.kgView = { data: DATA, readyAt: null };
  var state = {
    types: new Set(DATA.types.map(function (t) { return t.type; })),
    rels: new Set(DATA.relations.map(function (r) { return r.p; })),
    minDegree: DATA.min_degree || 0
  };

  /* ---------- small DOM helpers (text only) ---------- */
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined) continue;
      parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function $(id) { return document.getElementById(id); }
  function relName(p) { var r = relInfo.get(p); return r ? r.name : (REL_NAMES[p] || p); }
  function typeName(t) { var i = typeInfo.get(t); return i ? i.name : t; }
  function labelOf(id) { var n = byId.get(id); return n ? n.label : id; }

  /* ---------- the network ---------- */
  var visNodes = new vis.DataSet(DATA.nodes.map(function (n) {
    return {
      id: n.id, label: n.label.length > 24 ? n.label.slice(0, 23) + "…" : n.label, shape: n.shape, size: n.size, x: n.x, y: n.y,
      color: { background: n.color, border: n.color,
               highlight: { background: n.color, border: "#111" }, hover: { background: n.color, border: "#111" } }
    };
  }));
  var visEdges = new vis.DataSet(DATA.edges.map(function (e) {
    var r = relInfo.get(e.p);
    return {
      id: e.id, from: e.from, to: e.to, label: e.label, p: e.p, dashes: !!e.former,
      width: 1 + Math.log2(e.facts.length),
      color: { color: r ? r.color : "#999", highlight: "#111", hover: "#333", opacity: 0.75 }
    };
  }));
  function nodeShown(id) {
    var n = byId.get(id);
    return !!n && state.types.has(n.type) && n.degree >= state.minDegree;
  }
  var nodeView = new vis.DataView(visNodes, { filter: function (n) { return nodeShown(n.id); } });
  var edgeView = new vis.DataView(visEdges, {
    filter: function (e) { return state.rels.has(e.p) && nodeShown(e.from) && nodeShown(e.to); }
  });
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    interaction: { hover: true, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, keyboard: false, tooltipDelay: 120 },
    physics: DATA.physics ? {
      enabled: true, solver: "barnesHut", minVelocity: 0.75,
      barnesHut: { gravitationalConstant: -5000, springLength: 130, springConstant: 0.03, avoidOverlap: 0.2 },
      stabilization: { enabled: true, iterations: DATA.stabilize || 100, updateInterval: 50, fit: true }
    } : { enabled: false },
    nodes: {
      borderWidth: 1,
      font: { face: FONT, size: 14, color: "#1d2530", strokeWidth: 3, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: 7 } }
    },
    edges: {
      smooth: DATA.physics ? { enabled: true, type: "continuous", roundness: 0.25 } : false,
      arrows: { to: { enabled: true, scaleFactor: 0.45 } },
      font: { face: FONT, size: 11, color: "#3d4652", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      selectionWidth: 1.5, hoverWidth: 0.5
    }
  };
  // Big graphs: no arrowheads (they cost more than half of every frame); hover and panel give the direction.
  if (BIG) options.edges.arrows.to.enabled = false;
  var network = new vis.Network($("net"), { nodes: nodeView, edges: edgeView }, options);
  if (BIG) network.fit();

  var ready = false;
  function markReady() {
    if (ready) return;
    ready = true;
    $("physics").checked = !!DATA.live;
    api.readyAt = performance.now();
    var wanted = decodeURIComponent(location.hash.slice(1));   // graph.html#person/刘星 opens on that entity
    if (wanted && byId.has(wanted)) focusNode(wanted);
    document.body.setAttribute("data-ready", "1");
  }
  if (DATA.physics && DATA.nodes.length) {
    network.once("stabilizationIterationsDone", function () {
      if (!DATA.live) network.setOptions({ physics: { enabled: false } });   // keep the main thread free
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    network.once("afterDrawing", markReady);
    network.redraw();
  }

  /* ---------- filters ---------- */
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    status();
  }
  function status() {
    $("status").textContent = "显示 " + nodeView.length + " / " + DATA.nodes.length + " 个节点 · " +
      edgeView.length + " / " + DATA.edges.length + " 条关系";
  }
  function legendItem(list, key, name, color, shape, count, checked, onChange) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.value = key;
    box.addEventListener("change", function () { onChange(box.checked); });
    var label = add(el("label"), box, el("span", "swatch " + shape), el("span", "name", name), el("span", "count", count));
    label.querySelector(".swatch").style.background = color;
    list.appendChild(add(el("li"), label));
    return box;
  }
  var typeBoxes = new Map();
  DATA.types.forEach(function (t) {
    typeBoxes.set(t.type, legendItem($("legend-types"), t.type, t.name, t.color, t.shape, t.count, true,
      function (on) { setType(t.type, on); }));
  });
  DATA.relations.forEach(function (r) {
    legendItem($("legend-relations"), r.p, r.name, r.color, "line", r.count, true,
      function (on) { setRelation(r.p, on); });
  });
  function setType(t, on) {
    if (on) state.types.add(t); else state.types.delete(t);
    var b = typeBoxes.get(t);
    if (b) b.checked = on;
    refresh();
  }
  function setRelation(p, on) {
    if (on) state.rels.add(p); else state.rels.delete(p);
    document.querySelectorAll("#legend-relations input").forEach(function (b) { if (b.value === p) b.checked = on; });
    refresh();
  }
  var maxDegree = DATA.nodes.reduce(function (m, n) { return Math.max(m, n.degree); }, 0);
  $("min-degree").max = String(Math.max(1, Math.min(maxDegree, 20)));
  $("min-degree").value = $("min-degree-value").textContent = String(state.minDegree);
  function setMinDegree(k) {
    state.minDegree = k;
    $("min-degree").value = String(k);
    $("min-degree-value").textContent = String(k);
    refresh();
  }
  $("min-degree").addEventListener("input", function () { setMinDegree(Number(this.value)); });
  $("edge-labels").addEventListener("change", function () {
    var on = this.checked;
    visEdges.update(DATA.edges.map(function (e) { return { id: e.id, label: on ? e.label : "" }; }));
  });
  $("physics").addEventListener("change", function () { network.setOptions({ physics: { enabled: this.checked } }); });
  $("fit").addEventListener("click", function () { network.fit(); });
  $("reset").addEventListener("click", function () {
    DATA.types.forEach(function (t) { state.types.add(t.type); typeBoxes.get(t.type).checked = true; });
    DATA.relations.forEach(function (r) { state.rels.add(r.p); });
    document.querySelectorAll("#legend-relations input").forEach(function (b) { b.checked = true; });
    setMinDegree(DATA.min_degree || 0);
    network.unselectAll();
    hidePanel();
    network.fit();
  });

  /* ---------- search ---------- */
  var index = DATA.nodes.map(function (n) {
    return { node: n, names: [n.label].concat(n.aliases).map(function (s) { return String(s).toLowerCase(); }) };
  });
  function search(q) {
    q = String(q || "").trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    index.forEach(function (it) {
      var best = 9, via = null;
      it.names.forEach(function (s, i) {
        var rank = s === q ? 0 : s.indexOf(q) === 0 ? 1 : s.indexOf(q) > 0 ? 2 : 9;
        if (i > 0 && rank < 9) rank += 0.5;
        if (rank < best) { best = rank; via = i > 0 ? it.node.aliases[i - 1] : null; }
      });
      if (best < 9) hits.push({ node: it.node, rank: best, via: via });
    });
    hits.sort(function (a, b) { return a.rank - b.rank || b.node.degree - a.node.degree || (a.node.id < b.node.id ? -1 : 1); });
    return hits.slice(0, 12);
  }
  var results = $("results"), searchBox = $("search"), active = 0, lastHits = [];
  function showResults(hits) {
    lastHits = hits;
    active = 0;
    clear(results);
    hits.forEach(function (h, i) {
      var b = add(el("button", i === 0 ? "active" : ""), el("span", "name", h.node.label),
        el("span", "type", typeName(h.node.type)), h.via ? el("span", "alias", "别名 " + h.via) : null);
      b.type = "button";
      b.setAttribute("role", "option");
      b.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      results.appendChild(add(el("li"), b));
    });
    if (!hits.length && searchBox.value.trim()) results.appendChild(el("li", "hint", "没有匹配 No match"));
    results.hidden = !searchBox.value.trim();
  }
  function choose(i) {
    var h = lastHits[i];
    if (!h) return;
    results.hidden = true;
    searchBox.value = h.node.label;
    focusNode(h.node.id);
  }
  searchBox.addEventListener("input", function () { showResults(search(searchBox.value)); });
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); choose(active); }
    else if (ev.key === "Escape") { results.hidden = true; }
    else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!lastHits.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : lastHits.length - 1)) % lastHits.length;
      results.querySelectorAll("button").forEach(function (b, i) { b.classList.toggle("active", i === active); });
    }
  });
  searchBox.addEventListener("blur", function () { results.hidden = true; });

  function focusNode(id) {
    var n = byId.get(id);
    if (!n) return false;
    if (!nodeShown(id)) {            // the user asked for it: lift the filters that hide it
      if (!state.types.has(n.type)) setType(n.type, true);
      if (n.degree < state.minDegree) setMinDegree(n.degree);
    }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: BIG ? false : { duration: 400, easingFunction: "easeInOutQuad" } });
    showPanel(id);
    return true;
  }

  /* ---------- hover ---------- */
  var tip = $("tooltip");
  function tipLine(parent, k, v) {
    if (!v) return;
    parent.appendChild(add(el("div"), el("span", "k", k + "："), String(v)));
  }
  function showTip(children, pointer) {
    clear(tip);
    children(tip);
    var box = $("net").getBoundingClientRect();
    tip.hidden = false;
    var x = box.left + pointer.x + 14, y = box.top + pointer.y + 14;
    if (x + tip.offsetWidth > window.innerWidth - 8) x = box.left + pointer.x - tip.offsetWidth - 14;
    if (y + tip.offsetHeight > window.innerHeight - 8) y = Math.max(8, box.top + pointer.y - tip.offsetHeight - 14);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function nodeTip(n) {
    return function (t) {
      t.appendChild(el("div", "head", n.label));
      tipLine(t, "类型", typeName(n.type));
      tipLine(t, "别名", n.aliases.slice(0, 8).join("、") + (n.aliases.length > 8 ? "…" : ""));
      tipLine(t, "职务", n.posts.slice(0, 4).join("；") + (n.posts.length > 4 ? "…" : ""));
      n.attrs.slice(0, 6).forEach(function (a) { tipLine(t, a[0], a[1]); });
      if (n.first) tipLine(t, "日期", n.first === n.last ? n.first : n.first + " – " + n.last);
      tipLine(t, "关系", n.degree + " · 事实 " + n.facts.length + " · 文章 " + n.articles.length);
    };
  }
  network.on("hoverNode", function (p) { var n = byId.get(p.node); if (n) showTip(nodeTip(n), p.pointer.DOM); });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("hoverEdge", function (p) {
    var e = DATA.edges[p.edge];
    if (!e) return;
    showTip(function (t) {
      t.appendChild(el("div", "head", relName(e.p)));
      tipLine(t, "从", labelOf(e.from));
      tipLine(t, "到", labelOf(e.to));
      if (e.label !== relName(e.p)) tipLine(t, "职务", e.label);
      tipLine(t, "事实", e.facts.length);
    }, p.pointer.DOM);
  });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("zoom", function () { tip.hidden = true; });

  /* ---------- side panel: facts as a timeline ---------- */
  var panel = $("panel"), body = $("panel-body");
  function hidePanel() { panel.hidden = true; clear(body); }
  $("panel-close").addEventListener("click", function () { hidePanel(); network.unselectAll(); });
  function nodeLink(id) {
    if (!byId.has(id)) return el("span", "", id);
    var b = el("button", "link", labelOf(id));
    b.type = "button";
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }
  function articleText(aid) {
    var a = DATA.articles[aid] || {};
    var where = a.source && a.source !== aid ? a.source : (a.title ? aid : null);   // the file, else the id
    return [a.title || aid, a.date, where].filter(Boolean).join(" · ");
  }
  function factWhat(f, self) {
    var what = el("div", "what");
    var target = f.p === "holdsPosition" && f.org ? f.org : f.o;
    if (f.p === "holdsPosition") {
      if (f.s === self) add(what, "任 ", f.role || "职", f.org ? " · " : "", f.org ? nodeLink(f.org) : null);
      else add(what, nodeLink(f.s), " 任 ", f.role || "职");
      if (f.former) add(what, "（原）");
      if (f.start || f.end) add(what, el("span", "k", "  " + (f.start || "?") + "–" + (f.end || "")));
    } else if (f.p === "reported") {
      add(what, "见报 ", el("span", "", articleText(f.o)));
    } else if (f.s === self) {
      add(what, relName(f.p), " → ", target ? nodeLink(target) : "");
    } else {
      add(what, nodeLink(f.s), " ", relName(f.p), target === self ? "" : " → ", target === self ? null : nodeLink(target));
    }
    return what;
  }
  function factItem(f, self) {
    var li = el("li");
    var r = relInfo.get(f.p);
    li.style.setProperty("--c", r ? r.color : "#888");
    add(li, el("time", "", f.when || "日期不详 undated"), factWhat(f, self));
    if (f.evidence) li.appendChild(el("blockquote", "", f.evidence));
    if (f.article) li.appendChild(el("cite", "", "来源 " + articleText(f.article)));
    return li;
  }
  function factList(ids, self) {
    var ol = el("ol", "timeline");
    var shown = 0, year = null;
    function more() {
      ids.slice(shown, shown + 100).forEach(function (i) {
        var f = DATA.facts[i], y = f.when ? f.when.slice(0, 4) : "日期不详";
        if (y !== year) { year = y; ol.appendChild(el("li", "year", y)); }   // a heading per year
        ol.appendChild(factItem(f, self));
      });
      shown = Math.min(ids.length, shown + 100);
      if (shown < ids.length) {
        var b = el("button", "link", "显示更多 More (" + (ids.length - shown) + ")");
        b.type = "button";
        b.addEventListener("click", function () { b.parentNode.removeChild(b); more(); });
        ol.appendChild(b);
      }
    }
    more();
    return ol;
  }
  function showPanel(id) {
    var n = byId.get(id);
    if (!n) return;
    clear(body);
    panel.hidden = false;
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
    body.appendChild(el("h3", "", "时间线 Timeline (" + n.facts.length + ")"));
    body.appendChild(factList(n.facts, id));
    body.appendChild(el("h3", "", "来源文章 Sources (" + n.articles.length + ")"));
    var ul = el("ul", "sources");
    n.articles.forEach(function (aid) { ul.appendChild(el("li", "", articleText(aid))); });
    body.appendChild(ul);
    panel.scrollTop = 0;
    if (history.replaceState) history.replaceState(null, "", "#" + encodeURIComponent(id));
  }
  function showEdgePanel(eid) {
    var e = DATA.edges[eid];
    if (!e) return;
    clear(body);
    panel.hidden = false;
    add(body, add(el("h2"), relName(e.p)), add(el("p"), nodeLink(e.from), " → ", nodeLink(e.to)));
    body.appendChild(el("h3", "", "时间线 Timeline (" + e.facts.length + ")"));
    body.appendChild(factList(e.facts.slice().sort(function (a, b) {
      return (DATA.facts[a].when || "9999") < (DATA.facts[b].when || "9999") ? -1 : 1;
    }), e.from));
  }
  network.on("click", function (p) {
    tip.hidden = true;
    if (p.nodes.length) showPanel(p.nodes[0]);
    else if (p.edges.length) showEdgePanel(p.edges[0]);
    else hidePanel();
  });

  status();
  api.network = network;
  api.nodes = visNodes;
  api.edges = visEdges;
  api.search = search;
  api.focusNode = focusNode;
  api.setType = setType;
  api.setRelation = setRelation;
  api.setMinDegree = setMinDegree;
  api.shownNodes = function () { return Object.keys(network.getPositions()).length; };
  api.shownEdges = function () { return edgeView.length; };
})();
