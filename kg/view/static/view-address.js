  /* ---------- address and history: #person/王建华&hide=Place&off=partOf&min=2&path=a,b ---------- */
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
