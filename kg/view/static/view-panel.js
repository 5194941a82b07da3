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
    (f.context || []).forEach(function (c) { li.appendChild(highlighted(c, namesOf([f.s, f.t, f.org]))); });  // the frame's other sentences
    if (f.evidence) li.appendChild(highlighted(f.evidence, namesOf([f.s, f.t, f.org])));
    if (f.article) li.appendChild(citation(f.article));
    (f.corrected || []).forEach(function (c) {       // the user's correction: a distinct mark, who, why, note
      li.classList.add("corrected");
      add(li, el("p", "correction", (c.kind === "accept" ? "✔ 已核实 checked" : "✎ 已更正 corrected") +
        " · " + (c.kind || "") + " · " + (c.who || "?") + "：" + (c.why || "") + (c.note ? "（" + c.note + "）" : "")));
    });
    if (f.id) add(li, el("code", "fid", "事实 " + f.id));
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
