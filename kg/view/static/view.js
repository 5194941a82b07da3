/* kg network view: draws the data of script#kg-data with vis-network.
   Article text is untrusted: it only ever reaches the page through textContent
   and canvas text, never through innerHTML.
   Parts: the network; labels (drawn here, ranked, never overlapping); filters; search;
   address and history; hover; the side panel (timeline, career, evidence); paths; downloads. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var FONT = '"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif';
  var BIG = !DATA.physics;
  var SMALL_EDGES = 60;          // views with at most this many edges label every edge that has room
  var MAX_LABELS = 400;          // labels drawn per frame at most (the rest appear on zoom)
  var byId = new Map();
  DATA.nodes.forEach(function (n) { byId.set(n.id, n); });
  var typeInfo = new Map(DATA.types.map(function (t) { return [t.type, t]; }));
  var palette = DATA.palette || { types: {}, relations: {} };
  var relInfo = new Map(DATA.relations.map(function (r) { return [r.p, r]; }));
  var api = window.kgView = { data: DATA, readyAt: null };
  var state = {
    types: new Set(DATA.types.map(function (t) { return t.type; })),
    rels: new Set(DATA.relations.map(function (r) { return r.p; })),
    minDegree: DATA.min_degree || 0,
    only: null,        // a set of node ids when a path is shown
    onlyEdges: null,
    path: null,        // [from, to] of the path shown
    node: null         // the entity whose panel is open
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
  function relColor(p) {
    var r = relInfo.get(p) || palette.relations[p];
    return r ? r.color : "#999";
  }
  function relName(p) { var r = relInfo.get(p) || palette.relations[p]; return r ? r.name : p; }
  function typeName(t) { var i = typeInfo.get(t) || palette.types[t]; return i ? i.name : t; }
  function labelOf(id) { var n = byId.get(id); return n ? n.label : id; }
  function shortLabel(s) { return s.length > 18 ? s.slice(0, 17) + "…" : s; }

  /* ---------- the network ---------- */
  var netEl = $("net");
  var visNodes = new vis.DataSet(DATA.nodes.map(function (n) {
    return {
      id: n.id, shape: n.shape, size: n.size, x: n.x, y: n.y,
      color: { background: n.color, border: n.color,
               highlight: { background: n.color, border: "#111" }, hover: { background: n.color, border: "#111" } }
    };
  }));
  var visEdges = new vis.DataSet(DATA.edges.map(function (e) {
    return {
      id: e.id, from: e.from, to: e.to, p: e.p, dashes: !!e.former,
      width: 1 + Math.log2(e.facts.length),
      color: { color: relColor(e.p), highlight: "#111", hover: "#333", opacity: 0.8 }
    };
  }));
  function nodeShown(id) {
    var n = byId.get(id);
    if (!n) return false;
    if (state.only) return state.only.has(id);
    return state.types.has(n.type) && n.degree >= state.minDegree;
  }
  function edgeShown(e) {
    if (state.onlyEdges) return state.onlyEdges.has(e.id);
    return state.rels.has(e.p) && nodeShown(e.from) && nodeShown(e.to);
  }
  var nodeView = new vis.DataView(visNodes, { filter: function (n) { return nodeShown(n.id); } });
  var edgeView = new vis.DataView(visEdges, { filter: edgeShown });
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    interaction: { hover: true, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, keyboard: false, tooltipDelay: 120 },
    physics: DATA.physics ? {
      enabled: true, solver: "barnesHut", minVelocity: 0.75,
      barnesHut: { gravitationalConstant: -5000, springLength: 130, springConstant: 0.03, avoidOverlap: 0.2 },
      stabilization: { enabled: true, iterations: DATA.stabilize || 100, updateInterval: 50, fit: true }
    } : { enabled: false },
    nodes: { borderWidth: 1 },
    edges: {
      smooth: false,
      arrows: { to: { enabled: true, scaleFactor: 0.45 } },
      selectionWidth: 1.5, hoverWidth: 0.5
    }
  };
  // Big graphs: no arrowheads (they cost more than half of every frame); hover and panel give the direction.
  if (BIG) options.edges.arrows.to.enabled = false;
  var network = new vis.Network(netEl, { nodes: nodeView, edges: edgeView }, options);
  if (BIG) network.fit();

  /* ---------- big graphs: nodes and edges drawn in batches (one path per colour) ---------- */
  // vis-network strokes every edge and fills every node on its own: on 20,000 nodes that is ~400 ms a frame.
  // Batched, the same picture costs a fraction; the selected and hovered ones are still drawn by vis.
  var visDraw = { edges: network.renderer._drawEdges, nodes: network.renderer._drawNodes };
  function viewBox() {
    var a = network.canvas.DOMtoCanvas({ x: -20, y: -20 }),
        b = network.canvas.DOMtoCanvas({ x: netEl.clientWidth + 20, y: netEl.clientHeight + 20 });
    return { left: a.x, top: a.y, right: b.x, bottom: b.y };
  }
  function batchedEdges(ctx) {
    var body = network.body, groups = new Map(), later = [], v = viewBox();
    body.edgeIndices.forEach(function (id) {
      var e = body.edges[id];
      if (!e || !e.connected || e.options.hidden || !e.from || !e.to) return;
      if (e.selected || e.hover) { later.push(e); return; }
      var f = e.from, t = e.to;
      if ((f.x < v.left && t.x < v.left) || (f.x > v.right && t.x > v.right) ||
          (f.y < v.top && t.y < v.top) || (f.y > v.bottom && t.y > v.bottom)) return;
      var key = e.options.color.color + "|" + e.options.width + "|" + (e.options.dashes ? 1 : 0);
      var g = groups.get(key);
      if (!g) groups.set(key, g = []);
      g.push(f.x, f.y, t.x, t.y);
    });
    ctx.save();
    ctx.globalAlpha = 0.8;
    groups.forEach(function (xy, key) {
      var k = key.split("|");
      ctx.beginPath();
      for (var i = 0; i < xy.length; i += 4) { ctx.moveTo(xy[i], xy[i + 1]); ctx.lineTo(xy[i + 2], xy[i + 3]); }
      ctx.strokeStyle = k[0];
      ctx.lineWidth = Number(k[1]);
      ctx.setLineDash(k[2] === "1" ? [5, 5] : []);
      ctx.stroke();
    });
    ctx.restore();
    later.forEach(function (e) { e.draw(ctx); });
  }
  function batchedNodes(ctx) {
    var body = network.body, groups = new Map(), later = [], v = viewBox(), scale = body.view.scale;
    body.nodeIndices.forEach(function (id) {
      var n = body.nodes[id];
      if (!n || n.options.hidden) return;
      if (n._kgx !== n.x || n._kgy !== n.y) {   // what vis's own drawing would leave for clicks and hovers
        n.updateBoundingBox(ctx, n.selected);
        n.shape.left = n.x - n.shape.width / 2;
        n.shape.top = n.y - n.shape.height / 2;
        n._kgx = n.x; n._kgy = n.y;
      }
      if (n.hover || n.selected) { later.push(n); return; }
      var r = n.options.size;
      if (n.x + r < v.left || n.x - r > v.right || n.y + r < v.top || n.y - r > v.bottom) return;
      var shape = r * scale < 2.5 ? "square" : n.options.shape, key = n.options.color.background + "|" + shape;
      var g = groups.get(key);
      if (!g) groups.set(key, g = []);
      g.push(n.x, n.y, r);
    });
    groups.forEach(function (xyr, key) {
      var k = key.split("|"), shape = k[1];
      ctx.beginPath();
      for (var i = 0; i < xyr.length; i += 3) {
        var x = xyr[i], y = xyr[i + 1], r = xyr[i + 2];
        if (shape === "square") ctx.rect(x - r, y - r, 2 * r, 2 * r);
        else if (shape === "dot" || shape === "ellipse") { ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, 2 * Math.PI); }
        else {
          var pts = polygon(shape, x, y, r);
          ctx.moveTo(pts[0][0], pts[0][1]);
          for (var j = 1; j < pts.length; j++) ctx.lineTo(pts[j][0], pts[j][1]);
          ctx.closePath();
        }
      }
      ctx.fillStyle = k[0];
      ctx.fill();
    });
    later.forEach(function (n) { n.draw(ctx); });
    return { drawExternalLabels: function () {} };
  }
  function fastDraw(on) {
    network.renderer._drawEdges = on ? batchedEdges : visDraw.edges;
    network.renderer._drawNodes = on ? batchedNodes : visDraw.nodes;
  }
  // Only with the vis-network internals this was written against (9.1.2, shipped by pyvis); else vis draws alone.
  var CAN_BATCH = typeof visDraw.edges === "function" && typeof visDraw.nodes === "function" && !!network.body.nodeIndices;
  if (BIG && CAN_BATCH) fastDraw(true);

  // Corners of a node's shape (triangle, hexagon, diamond, star; anything else a square), centred on x, y.
  function polygon(shape, x, y, r) {
    var pts = [], i;
    if (shape === "triangle") { for (i = 0; i < 3; i++) pts.push([x + r * Math.sin(i * 2 * Math.PI / 3), y - r * Math.cos(i * 2 * Math.PI / 3)]); }
    else if (shape === "hexagon") { for (i = 0; i < 6; i++) pts.push([x + r * Math.cos(i * Math.PI / 3), y + r * Math.sin(i * Math.PI / 3)]); }
    else if (shape === "diamond") { pts = [[x, y - r], [x + r, y], [x, y + r], [x - r, y]]; }
    else if (shape === "star") { for (i = 0; i < 10; i++) { var rr = i % 2 ? r * 0.45 : r; pts.push([x + rr * Math.sin(i * Math.PI / 5), y - rr * Math.cos(i * Math.PI / 5)]); } }
    else pts = [[x - r, y - r], [x + r, y - r], [x + r, y + r], [x - r, y + r]];
    return pts;
  }

  /* ---------- labels: ranked, never overlapping, more on zoom ---------- */
  var rank = DATA.nodes.map(function (n) { return n.id; });
  (function () {
    var focusDist = new Map();
    if (DATA.focus) {   // a focus view: the focus first, then by distance from it
      var adj = adjacency(), queue = [DATA.focus];
      focusDist.set(DATA.focus, 0);
      while (queue.length) {
        var v = queue.shift();
        (adj.get(v) || []).forEach(function (x) {
          if (!focusDist.has(x.to)) { focusDist.set(x.to, focusDist.get(v) + 1); queue.push(x.to); }
        });
      }
    }
    rank.sort(function (a, b) {
      var na = byId.get(a), nb = byId.get(b);
      var da = focusDist.has(a) ? focusDist.get(a) : 99, db = focusDist.has(b) ? focusDist.get(b) : 99;
      return da - db || nb.score - na.score || nb.degree - na.degree || (a < b ? -1 : a > b ? 1 : 0);
    });
  })();
  var rankOf = new Map(rank.map(function (id, i) { return [id, i]; }));
  var widthCache = new Map();
  var lastLabels = [], lastEdgeLabels = [], marked = [], hoverEdge = null, hoverNode = null;
  var showAllEdgeLabels = DATA.edges.length <= SMALL_EDGES;

  function textWidth(ctx, key, text) {
    var w = widthCache.get(key);
    if (w === undefined) { w = ctx.measureText(text).width; widthCache.set(key, w); }
    return w;
  }
  function Grid(cell) { this.cell = cell; this.map = new Map(); }
  Grid.prototype.cells = function (b, fn) {
    var c = this.cell;
    for (var gx = Math.floor(b.x / c); gx <= Math.floor((b.x + b.w) / c); gx++)
      for (var gy = Math.floor(b.y / c); gy <= Math.floor((b.y + b.h) / c); gy++)
        if (fn(gx + "," + gy) === true) return true;
    return false;
  };
  Grid.prototype.hits = function (b) {
    var map = this.map;
    return this.cells(b, function (k) {
      var list = map.get(k);
      if (!list) return false;
      for (var i = 0; i < list.length; i++) {
        var o = list[i];
        if (b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return true;
      }
      return false;
    });
  };
  Grid.prototype.put = function (b) {
    var map = this.map;
    this.cells(b, function (k) { var l = map.get(k); if (l) l.push(b); else map.set(k, [b]); });
  };

  function priorityIds() {
    var first = [];
    if (hoverNode) first.push(hoverNode);
    if (state.node) first.push(state.node);
    if (DATA.focus) first.push(DATA.focus);
    if (state.path) first.push(state.path[0], state.path[1]);
    return first;
  }
  function drawLabels(ctx) {
    var view = network.body.view, s = view.scale, tx = view.translation.x, ty = view.translation.y;
    var W = netEl.clientWidth, H = netEl.clientHeight, pr = network.canvas.pixelRatio || 1;
    var bodyNodes = network.body.nodes, grid = new Grid(48), labels = [], seen = new Set();
    ctx.save();
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    ctx.lineJoin = "round";
    ctx.textBaseline = "top";
    // rings around the focused, selected and path-end nodes
    marked = [];
    priorityIds().forEach(function (id, i) {
      var bn = bodyNodes[id];
      if (!bn || seen.has(id) || id === hoverNode) return;
      seen.add(id);
      marked.push(id);
      var x = bn.x * s + tx, y = bn.y * s + ty, r = (bn.options.size || 10) * s + 5;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.lineWidth = 6; ctx.strokeStyle = "rgba(255,255,255,.9)"; ctx.stroke();
      ctx.lineWidth = 3; ctx.strokeStyle = id === state.node ? "#111" : "#c0392b";
      ctx.setLineDash(id === state.node ? [] : [5, 3]);
      ctx.stroke();
      ctx.setLineDash([]);
    });
    seen = new Set();
    if (network.body.nodeIndices.length <= 600) {   // labels keep off the nodes too (cheap enough below this size)
      var obstacles = new Grid(48);
      network.body.nodeIndices.forEach(function (id) {
        var bn = bodyNodes[id], r = (bn.options.size || 10) * s;
        obstacles.put({ x: bn.x * s + tx - r, y: bn.y * s + ty - r, w: 2 * r, h: 2 * r, id: id });
      });
    }
    function free(b, top) {   // the highest-ranked labels may cover small nodes, never other labels
      return !grid.hits(b) && (top || !obstacles || !obstacles.hits(b));
    }
    function place(id, strong, top) {
      if (seen.has(id)) return;
      seen.add(id);
      var bn = bodyNodes[id], n = byId.get(id);
      if (!bn || !n) return;
      var x = bn.x * s + tx, y = bn.y * s + ty;
      if (x < -40 || x > W + 40 || y < -40 || y > H + 40) return;
      var size = strong ? 14 : 12, font = (strong ? "700 " : "") + size + "px " + FONT;
      ctx.font = font;
      var text = shortLabel(n.label), w = textWidth(ctx, (strong ? "b" : "") + id, text);
      var r = (bn.options.size || 10) * s, bw = w + 6, bh = size + 5;
      // below the node, else right of it, above it, left of it: the first place that is free
      var spots = [[x - bw / 2, y + r + 3], [x + r + 4, y - bh / 2], [x - bw / 2, y - r - 3 - bh], [x - r - 4 - bw, y - bh / 2]];
      var b = null;
      for (var k = 0; k < spots.length && !b; k++) {
        var c = { x: spots[k][0], y: spots[k][1], w: bw, h: bh, text: text, id: id };
        if (c.x >= 0 && c.y >= 0 && c.x + c.w <= W && c.y + c.h <= H && free(c, top)) b = c;
      }
      if (!b) return;
      grid.put(b);
      labels.push(b);
      ctx.lineWidth = 3.5; ctx.strokeStyle = "rgba(255,255,255,.95)";
      ctx.strokeText(text, b.x + 3, b.y + 2);
      ctx.fillStyle = "#1d2530";
      ctx.fillText(text, b.x + 3, b.y + 2);
    }
    priorityIds().forEach(function (id) { place(id, true, true); });
    // edge labels: the hovered edge and the selected node's edges first, every edge of small views last
    var edgeLabels = [], bodyEdges = network.body.edges;
    function placeEdge(eid, top) {
      var be = bodyEdges[eid], e = DATA.edges[eid];
      if (!be || !e || !be.from || !be.to) return;
      var mx = (be.from.x + be.to.x) / 2 * s + tx, my = (be.from.y + be.to.y) / 2 * s + ty;
      ctx.font = "11px " + FONT;
      var w = textWidth(ctx, "e" + eid, e.label);
      var b = { x: mx - w / 2 - 2, y: my - 8, w: w + 4, h: 15, text: e.label, id: eid, edge: true };
      if (b.x < 0 || b.y < 0 || b.x + b.w > W || b.y + b.h > H || !free(b, top)) return;
      grid.put(b);
      edgeLabels.push(b);
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,.95)";
      ctx.strokeText(e.label, b.x + 2, b.y + 2);
      ctx.fillStyle = "#3d4652";
      ctx.fillText(e.label, b.x + 2, b.y + 2);
    }
    if (hoverEdge !== null) placeEdge(hoverEdge, true);
    if (state.node && bodyNodes[state.node]) bodyNodes[state.node].edges.forEach(function (be) { placeEdge(be.id, true); });
    for (var i = 0, tries = 0; i < rank.length && labels.length < MAX_LABELS && tries < 4000; i++) {
      var id = rank[i];
      if (!bodyNodes[id] || seen.has(id)) continue;
      tries++;
      place(id, i < 12, i < 30);
    }
    if (showAllEdgeLabels || state.only) network.body.edgeIndices.forEach(function (eid) {
      var e = DATA.edges[eid];   // in a view of one relation, its name on every edge says nothing
      if (e && !(DATA.relations.length === 1 && e.label === relName(e.p))) placeEdge(eid, false);
    });
    ctx.restore();
    lastLabels = labels;
    lastEdgeLabels = edgeLabels;
  }
  network.on("afterDrawing", drawLabels);

  var ready = false;
  function markReady() {
    if (ready) return;
    ready = true;
    $("physics").checked = !!DATA.live;
    api.readyAt = performance.now();
    applyState(parseHash(location.hash), false);
    if (!state.node && !state.path && DATA.focus && window.innerWidth > 760) showPanel(DATA.focus);
    document.body.setAttribute("data-ready", "1");
  }
  function start() {   // called last, once everything below is set up
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
  }

  // The panel and the filter drawer take space from the network: refit it to what is left.
  var lastSize = netEl.clientWidth + "x" + netEl.clientHeight;
  if (window.ResizeObserver) {
    new ResizeObserver(function () {
      var size = netEl.clientWidth + "x" + netEl.clientHeight;
      if (size === lastSize || !netEl.clientWidth || !netEl.clientHeight) return;
      lastSize = size;
      network.setSize("100%", "100%");
      reframe();
    }).observe(netEl);
  }
  // Fit the view to `nodes` (all when omitted), never zooming in so far that a few nodes fill the screen.
  function fitTo(nodes) {
    network.fit(nodes ? { nodes: nodes, animation: false } : { animation: false });
    if (network.getScale() > 1.3) network.moveTo({ scale: 1.3, animation: false });
  }
  function reframe() {
    if (state.only) fitTo(Array.from(state.only));
    else if (state.node && network.body.nodes[state.node] && nodeView.length > SMALL_EDGES)
      network.moveTo({ position: network.getPositions([state.node])[state.node], animation: false });
    else fitTo();
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
    box.addEventListener("change", function () { onChange(box.checked); commit(); });
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
  $("min-degree").addEventListener("change", function () { commit(); });
  $("edge-labels").checked = showAllEdgeLabels;
  $("edge-labels").addEventListener("change", function () { showAllEdgeLabels = this.checked; network.redraw(); });
  $("physics").addEventListener("change", function () { network.setOptions({ physics: { enabled: this.checked } }); });
  $("fit").addEventListener("click", function () { network.fit(); });
  function resetFilters() {
    DATA.types.forEach(function (t) { state.types.add(t.type); typeBoxes.get(t.type).checked = true; });
    DATA.relations.forEach(function (r) { state.rels.add(r.p); });
    document.querySelectorAll("#legend-relations input").forEach(function (b) { b.checked = true; });
    setMinDegree(DATA.min_degree || 0);
  }
  $("reset").addEventListener("click", function () {
    clearPath();
    resetFilters();
    network.unselectAll();
    hidePanel();
    network.fit();
    commit();
  });
  $("toggle-controls").addEventListener("click", function () {
    var open = document.body.classList.toggle("controls-open");
    this.setAttribute("aria-expanded", open ? "true" : "false");
  });

  /* ---------- search (the main box and the path finder's two boxes) ---------- */
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
  function attachSearch(box, results, onChoose) {
    var active = 0, lastHits = [];
    function show(hits) {
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
      if (!hits.length && box.value.trim()) results.appendChild(el("li", "hint", "没有匹配 No match"));
      results.hidden = !box.value.trim();
    }
    function choose(i) {
      var h = lastHits[i];
      if (!h) return;
      results.hidden = true;
      box.value = h.node.label;
      box.dataset.id = h.node.id;
      onChoose(h.node.id);
    }
    box.addEventListener("input", function () { delete box.dataset.id; show(search(box.value)); });
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { ev.preventDefault(); choose(active); }
      else if (ev.key === "Escape") { results.hidden = true; }
      else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        if (!lastHits.length) return;
        active = (active + (ev.key === "ArrowDown" ? 1 : lastHits.length - 1)) % lastHits.length;
        results.querySelectorAll("button").forEach(function (b, i) { b.classList.toggle("active", i === active); });
      }
    });
    box.addEventListener("blur", function () { results.hidden = true; });
  }
  attachSearch($("search"), $("results"), function (id) { focusNode(id); commit(); });

  function focusNode(id) {
    var n = byId.get(id);
    if (!n) return false;
    if (state.only && !state.only.has(id)) clearPath();
    if (!nodeShown(id)) {            // the user asked for it: lift the filters that hide it
      if (!state.types.has(n.type)) setType(n.type, true);
      if (n.degree < state.minDegree) setMinDegree(n.degree);
    }
    network.selectNodes([id]);
    showPanel(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: false });
    return true;
  }

  /* ---------- address and history: #person/刘星&hide=Place&off=partOf&min=2&path=a,b ---------- */
  function enc(s) { return encodeURIComponent(s); }
  function dec(s) { try { return decodeURIComponent(s); } catch (e) { return s; } }
  function stateHash() {
    var parts = [];
    if (state.node && !state.path) parts.push(enc(state.node));
    var hidden = DATA.types.filter(function (t) { return !state.types.has(t.type); }).map(function (t) { return t.type; });
    if (hidden.length) parts.push("hide=" + hidden.map(enc).join(","));
    var off = DATA.relations.filter(function (r) { return !state.rels.has(r.p); }).map(function (r) { return r.p; });
    if (off.length) parts.push("off=" + off.map(enc).join(","));
    if (state.minDegree !== (DATA.min_degree || 0)) parts.push("min=" + state.minDegree);
    if (state.path) parts.push("path=" + state.path.map(enc).join(","));
    return parts.length ? "#" + parts.join("&") : "";
  }
  function parseHash(hash) {
    var st = { node: null, hide: [], off: [], min: null, path: null };
    String(hash || "").replace(/^#/, "").split("&").forEach(function (part) {
      if (!part) return;
      var eq = part.indexOf("=");
      if (eq < 0) { st.node = dec(part); return; }
      var k = part.slice(0, eq), v = part.slice(eq + 1).split(",").map(dec).filter(Boolean);
      if (k === "hide") st.hide = v;
      else if (k === "off") st.off = v;
      else if (k === "min") st.min = Number(v[0]) || 0;
      else if (k === "path" && v.length === 2) st.path = v;
    });
    return st;
  }
  var applied = null;
  function commit() {
    var h = stateHash();
    applied = h;
    if (h === location.hash || (!h && !location.hash)) return;
    history.pushState(null, "", h || location.pathname + location.search);
  }
  function applyState(st) {
    applied = location.hash;
    DATA.types.forEach(function (t) { var on = st.hide.indexOf(t.type) < 0; if (state.types.has(t.type) !== on) setType(t.type, on); });
    DATA.relations.forEach(function (r) { var on = st.off.indexOf(r.p) < 0; if (state.rels.has(r.p) !== on) setRelation(r.p, on); });
    var min = st.min === null ? (DATA.min_degree || 0) : st.min;
    if (min !== state.minDegree) setMinDegree(min);
    if (st.path && byId.has(st.path[0]) && byId.has(st.path[1])) { showPaths(st.path[0], st.path[1]); return; }
    clearPath();
    if (st.node && byId.has(st.node)) focusNode(st.node);
    else { network.unselectAll(); hidePanel(); }
  }
  function onAddress() { if (ready && location.hash !== applied) applyState(parseHash(location.hash)); }
  window.addEventListener("popstate", onAddress);
  window.addEventListener("hashchange", onAddress);

  /* ---------- hover ---------- */
  var tip = $("tooltip");
  function tipLine(parent, k, v) {
    if (!v) return;
    parent.appendChild(add(el("div"), el("span", "k", k + "："), String(v)));
  }
  function showTip(children, pointer) {
    clear(tip);
    children(tip);
    var box = netEl.getBoundingClientRect();
    tip.hidden = false;
    var x = box.left + pointer.x + 14, y = box.top + pointer.y + 14;
    if (x + tip.offsetWidth > window.innerWidth - 8) x = Math.max(4, box.left + pointer.x - tip.offsetWidth - 14);
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
  network.on("hoverNode", function (p) {
    var n = byId.get(p.node);
    hoverNode = p.node;
    if (n) showTip(nodeTip(n), p.pointer.DOM);
    network.redraw();
  });
  network.on("blurNode", function () { tip.hidden = true; hoverNode = null; network.redraw(); });
  network.on("hoverEdge", function (p) {
    var e = DATA.edges[p.edge];
    if (!e) return;
    hoverEdge = p.edge;
    network.redraw();
    showTip(function (t) {
      t.appendChild(el("div", "head", relName(e.p)));
      tipLine(t, "从", labelOf(e.from));
      tipLine(t, "到", labelOf(e.to));
      if (e.label !== relName(e.p)) tipLine(t, "职务", e.label);
      tipLine(t, "事实", e.facts.length);
    }, p.pointer.DOM);
  });
  network.on("blurEdge", function () { tip.hidden = true; hoverEdge = null; network.redraw(); });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("zoom", function () { tip.hidden = true; });

  /* ---------- side panel: facts as a timeline, a career, evidence ---------- */
  var panel = $("panel"), body = $("panel-body");
  function openPanel() {
    clear(body);
    panel.hidden = false;
    document.body.classList.add("panel-open");
  }
  function hidePanel() {
    panel.hidden = true;
    clear(body);
    state.node = null;
    document.body.classList.remove("panel-open");
    network.redraw();
  }
  $("panel-close").addEventListener("click", function () { clearPath(); hidePanel(); network.unselectAll(); commit(); });
  function nodeLink(id) {
    if (!byId.has(id)) return el("span", "", id);
    var b = el("button", "link", labelOf(id));
    b.type = "button";
    b.addEventListener("click", function () { focusNode(id); commit(); });
    return b;
  }
  function articleText(aid) {
    var a = DATA.articles[aid] || {};
    var parts = [a.title || aid, a.date, a.source && a.source !== aid ? a.source : null];
    return parts.filter(Boolean).join(" · ") + " · 编号 " + aid;
  }
  function citation(aid) {
    var a = DATA.articles[aid] || {};
    var c = add(el("cite"), "来源 ", el("span", "title", a.title || aid));
    [a.date, a.source && a.source !== aid ? a.source : null].forEach(function (x) { if (x) add(c, " · ", x); });
    add(c, " · 编号 ", el("code", "aid", aid));
    return c;
  }
  function namesOf(ids) {
    var names = [];
    ids.forEach(function (id) {
      var n = byId.get(id);
      if (!n || n.type === "Article") return;
      [n.label].concat(n.aliases.filter(function (a) { return a.length > 1; })).forEach(function (s) {
        if (s && names.indexOf(s) < 0) names.push(s);
      });
    });
    return names.sort(function (a, b) { return b.length - a.length; });
  }
  // The sentence as text, with each mention of the fact's entities in a <mark>.
  function highlighted(text, names) {
    var q = el("blockquote"), i = 0, plain = "";
    while (i < text.length) {
      var hit = null;
      for (var k = 0; k < names.length; k++) if (text.startsWith(names[k], i)) { hit = names[k]; break; }
      if (hit) {
        if (plain) { q.appendChild(document.createTextNode(plain)); plain = ""; }
        q.appendChild(el("mark", "", hit));
        i += hit.length;
      } else { plain += text[i]; i++; }
    }
    if (plain) q.appendChild(document.createTextNode(plain));
    return q;
  }
  function factWhat(f, self) {
    var what = el("div", "what");
    var target = f.t || (f.p === "holdsPosition" && f.org ? f.org : f.o);
    if (f.p === "holdsPosition") {
      if (f.s === self) add(what, "任 ", f.role || "职", f.org ? " · " : "", f.org ? nodeLink(f.org) : null);
      else add(what, nodeLink(f.s), " 任 ", f.role || "职");
      if (f.former) add(what, "（原）");
      if (f.start || f.end) add(what, el("span", "k", "  " + (f.start || "?") + "–" + (f.end || "")));
    } else if (f.p === "reported") {
      if (f.s === self) add(what, "报道 ", target && byId.has(target) ? nodeLink(target) : articleText(f.o));
      else add(what, nodeLink(f.s), " 报道");
    } else if (f.s === self) {
      add(what, relName(f.p), " → ", target ? nodeLink(target) : "");
    } else {
      add(what, nodeLink(f.s), " ", relName(f.p), target === self ? "" : " → ", target === self ? null : nodeLink(target));
    }
    return what;
  }
  function factItem(f, self) {
    var li = el("li");
    li.style.setProperty("--c", relColor(f.p));
    add(li, el("time", "", f.when || "日期不详 undated"), factWhat(f, self));
    if (f.evidence) li.appendChild(highlighted(f.evidence, namesOf([f.s, f.t, f.org])));
    if (f.article) li.appendChild(citation(f.article));
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

  /* ---------- downloads: the current view as PNG and as SVG ---------- */
  function fileName(ext) {
    return (String(DATA.title || "graph").replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60) || "graph") + "." + ext;
  }
  function save(blob, name) {
    var a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
  }
  function pngCanvas() {
    network.redraw();
    var src = netEl.querySelector("canvas"), c = document.createElement("canvas");
    c.width = src.width; c.height = src.height;
    var x = c.getContext("2d");
    x.fillStyle = "#ffffff";
    x.fillRect(0, 0, c.width, c.height);
    x.drawImage(src, 0, 0);
    return c;
  }
  function shapePoints(shape, x, y, r) {
    return polygon(shape, x, y, r).map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" ");
  }
  function svgText() {
    var view = network.body.view, s = view.scale, tx = view.translation.x, ty = view.translation.y;
    var W = netEl.clientWidth, H = netEl.clientHeight;
    function X(v) { return (v * s + tx).toFixed(1); }
    function Y(v) { return (v * s + ty).toFixed(1); }
    var svg = svgEl("svg", { xmlns: SVGNS, width: W, height: H, viewBox: "0 0 " + W + " " + H,
                             "font-family": FONT.replace(/"/g, "'") });
    svg.appendChild(svgEl("title", {}, DATA.title || ""));
    svg.appendChild(svgEl("rect", { width: W, height: H, fill: "#ffffff" }));
    var ge = svgEl("g", { class: "edges" }), gn = svgEl("g", { class: "nodes" }), gl = svgEl("g", { class: "labels" });
    network.body.edgeIndices.forEach(function (eid) {
      var be = network.body.edges[eid], e = DATA.edges[eid];
      if (!be || !be.from || !be.to || !e) return;
      var line = svgEl("line", { x1: X(be.from.x), y1: Y(be.from.y), x2: X(be.to.x), y2: Y(be.to.y),
                                 stroke: relColor(e.p), "stroke-width": 1 + Math.log2(e.facts.length), "data-p": e.p });
      if (e.former) line.setAttribute("stroke-dasharray", "5 4");
      ge.appendChild(line);
    });
    network.body.nodeIndices.forEach(function (id) {
      var bn = network.body.nodes[id], n = byId.get(id);
      if (!bn || !n) return;
      var x = bn.x * s + tx, y = bn.y * s + ty, r = (bn.options.size || 10) * s, shape;
      if (x < -r || y < -r || x > W + r || y > H + r) return;
      if (n.shape === "square") shape = svgEl("rect", { x: (x - r).toFixed(1), y: (y - r).toFixed(1), width: (2 * r).toFixed(1), height: (2 * r).toFixed(1) });
      else if (n.shape === "dot" || n.shape === "ellipse") shape = svgEl("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) });
      else shape = svgEl("polygon", { points: shapePoints(n.shape, x, y, r) });
      shape.setAttribute("fill", n.color);
      shape.setAttribute("data-id", id);
      gn.appendChild(shape);
    });
    lastLabels.concat(lastEdgeLabels).forEach(function (b) {
      gl.appendChild(svgEl("text", { x: (b.x + b.w / 2).toFixed(1), y: (b.y + b.h - 4).toFixed(1), "text-anchor": "middle",
                                    "font-size": b.edge ? 11 : 12, fill: b.edge ? "#3d4652" : "#1d2530",
                                    stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke" }, b.text));
    });
    add(svg, ge, gn, gl);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  }
  $("download-png").addEventListener("click", function () {
    pngCanvas().toBlob(function (b) { save(b, fileName("png")); }, "image/png");
  });
  $("download-svg").addEventListener("click", function () {
    save(new Blob([svgText()], { type: "image/svg+xml" }), fileName("svg"));
  });

  status();
  api.network = network;
  api.nodes = visNodes;
  api.edges = visEdges;
  api.search = search;
  api.focusNode = function (id) { var ok = focusNode(id); commit(); return ok; };
  api.setType = setType;
  api.setRelation = setRelation;
  api.setMinDegree = setMinDegree;
  api.shownNodes = function () { return Object.keys(network.getPositions()).length; };
  api.shownEdges = function () { return edgeView.length; };
  api.labelsShown = function () { return lastLabels.length; };
  api.labelBoxes = function () {
    return lastLabels.concat(lastEdgeLabels).map(function (b) { return { x: b.x, y: b.y, w: b.w, h: b.h, text: b.text, id: b.id, edge: !!b.edge }; });
  };
  api.marked = function () { return marked.slice(); };
  api.fastDraw = function (on) { if (BIG && CAN_BATCH) { fastDraw(on); network.redraw(); } return BIG && CAN_BATCH; };
  api.findPaths = findPaths;
  api.showPaths = function (a, b) { var p = showPaths(a, b); commit(); return p; };
  api.career = careerOf;
  api.svg = svgText;
  api.relationColors = function () {
    var out = {};
    visEdges.forEach(function (e) { out[e.p] = e.color.color; });
    document.querySelectorAll("#legend-relations input").forEach(function (b) {
      out["legend:" + b.value] = getComputedStyle(b.parentNode.querySelector(".swatch")).backgroundColor;
    });
    return out;
  };
  start();
})();
