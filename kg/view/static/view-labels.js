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
