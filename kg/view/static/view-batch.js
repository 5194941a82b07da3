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
