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
