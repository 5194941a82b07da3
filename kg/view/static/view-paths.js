  /* ---------- path finder: the shortest chains of facts between two entities ---------- */
  function adjacency() {
    var adj = new Map();
    DATA.edges.forEach(function (e) {
      if (!adj.has(e.from)) adj.set(e.from, []);
      if (!adj.has(e.to)) adj.set(e.to, []);
      adj.get(e.from).push({ to: e.to, edge: e.id });
      adj.get(e.to).push({ to: e.from, edge: e.id });
    });
    return adj;
  }
  var ADJ = null;
  // Every shortest chain from a to b (at most `limit`), each a list of steps {from, to, edge}.
  function findPaths(a, b, limit) {
    limit = limit || 8;
    if (!byId.has(a) || !byId.has(b) || a === b) return [];
    ADJ = ADJ || adjacency();
    var dist = new Map([[a, 0]]), preds = new Map(), queue = [a], head = 0;
    while (head < queue.length) {
      var v = queue[head++];
      if (v === b) break;
      (ADJ.get(v) || []).forEach(function (x) {
        if (!dist.has(x.to)) { dist.set(x.to, dist.get(v) + 1); queue.push(x.to); }
        if (dist.get(x.to) === dist.get(v) + 1) {
          if (!preds.has(x.to)) preds.set(x.to, []);
          preds.get(x.to).push({ from: v, edge: x.edge });
        }
      });
    }
    if (!dist.has(b)) return [];
    var out = [];
    (function walk(v, tail) {
      if (out.length >= limit) return;
      if (v === a) { out.push(tail); return; }
      (preds.get(v) || []).slice().sort(function (p, q) { return p.from < q.from ? -1 : 1; }).forEach(function (p) {
        walk(p.from, [{ from: p.from, to: v, edge: p.edge }].concat(tail));
      });
    })(b, []);
    return out;
  }
  function clearPath() {
    if (!state.only && !state.path) return;
    state.only = state.onlyEdges = state.path = null;
    refresh();
    $("path-status").textContent = "";
  }
  function showPaths(a, b) {
    var paths = findPaths(a, b);
    setPathEnd($("path-from"), a);
    setPathEnd($("path-to"), b);
    openPanel();
    state.node = null;
    network.unselectAll();
    add(body, el("h2", "", "路径 Paths"), add(el("p"), nodeLink(a), " ⇄ ", nodeLink(b)));
    if (!paths.length) {
      state.only = state.onlyEdges = null;
      state.path = [a, b];
      refresh();
      body.appendChild(el("p", "hint", "两者之间没有事实链 No chain of facts links them"));
      $("path-status").textContent = "没有路径 No path";
      return paths;
    }
    state.path = [a, b];
    state.only = new Set();
    state.onlyEdges = new Set();
    paths.forEach(function (p) { p.forEach(function (s) { state.only.add(s.from); state.only.add(s.to); state.onlyEdges.add(s.edge); }); });
    refresh();
    $("path-status").textContent = paths.length + " 条 · " + paths[0].length + " 步 steps";
    body.appendChild(el("p", "hint", paths.length + " 条最短链 shortest chain(s), " + paths[0].length + " 步 steps each"));
    var ol = el("ol", "paths");
    paths.forEach(function (p) {
      var li = el("li", "path");
      var chain = add(el("div", "chain"), nodeLink(p[0].from));
      p.forEach(function (s) {
        var e = DATA.edges[s.edge];
        add(chain, el("span", "rel", e.from === s.from ? " —" + e.label + "→ " : " ←" + e.label + "— "), nodeLink(s.to));
      });
      li.appendChild(chain);
      var facts = el("ol", "timeline");
      p.forEach(function (s) {
        DATA.edges[s.edge].facts.forEach(function (i) { facts.appendChild(factItem(DATA.facts[i], null)); });
      });
      li.appendChild(facts);
      ol.appendChild(li);
    });
    body.appendChild(ol);
    fitTo(Array.from(state.only));
    network.redraw();
    return paths;
  }
  function setPathEnd(box, id) { box.value = labelOf(id); box.dataset.id = id; }
  attachSearch($("path-from"), $("path-from-results"), function () {});
  attachSearch($("path-to"), $("path-to-results"), function () {});
  $("path-go").addEventListener("click", function () {
    var a = $("path-from").dataset.id, b = $("path-to").dataset.id;
    if (!a || !b) { $("path-status").textContent = "请选择两个实体 Pick two entities"; return; }
    showPaths(a, b);
    commit();
    document.body.classList.remove("controls-open");
  });
  function openControls(section) {
    document.body.classList.add("controls-open");
    var s = $(section === "path" ? "path-section" : "controls");
    if (s && s.scrollIntoView) s.scrollIntoView({ block: "nearest" });
    if (section === "path") $("path-to").focus();
  }
