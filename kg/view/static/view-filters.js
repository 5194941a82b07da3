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
