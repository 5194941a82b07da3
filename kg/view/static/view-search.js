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
