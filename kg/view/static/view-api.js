  /* ---------- window.kgView, for the tests and bench/; then the page starts ---------- */
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
