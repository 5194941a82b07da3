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
