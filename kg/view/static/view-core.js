/* kg network view: draws the data of script#kg-data with vis-network.
   Article text is untrusted: it only ever reaches the page through textContent
   and canvas text, never through innerHTML.
   The script is in parts (static/view-*.js); kg/view/html.py joins them, in the order of
   APP_PARTS, inside one function, so they share its variables. This part comes first. */
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
      width: 1 + Math.log2(e.facts.length) + (e.corrected ? 2 : 0),
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
