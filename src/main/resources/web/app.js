// The claimstream dashboard. Everything shown that came from a feed (titles, sentences, sources, names, keys) is
// put on the page with textContent or as an SVG attribute value, never parsed as HTML: article text is untrusted.
"use strict";

(() => {
  const SVG = "http://www.w3.org/2000/svg";
  const FEED_LIMIT = 60;
  const cards = new Map(); // claim key -> {root, parts}
  const pendingHistory = new Map(); // claim key -> timer

  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function svg(tag, attrs, className) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (className) e.setAttribute("class", className);
    return e;
  }

  // ---- formatting -------------------------------------------------------------------------------------------

  const SCALES = [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"]];

  function amount(value, unit) {
    if (value === null || value === undefined || !Number.isFinite(value)) return "unbounded";
    if (unit === "percent") return `${trim(value)}%`;
    let text = trim(value);
    for (const [size, word] of SCALES) {
      if (Math.abs(value) >= size) { text = `${trim(value / size)} ${word}`; break; }
    }
    return unit === "USD" ? `$${text}` : `${unit} ${text}`;
  }

  function trim(n) {
    return String(Number(n.toPrecision(4)));
  }

  function figureText(f, unit) {
    if (!f) return "withdrawn";
    switch (f.bound) {
      case "range": return `${amount(f.value, unit)}–${amount(f.value_high, unit)}`;
      case "approx": return `about ${amount(f.value, unit)}`;
      case "at_least": return `at least ${amount(f.value, unit)}`;
      case "at_most": return `at most ${amount(f.value, unit)}`;
      default: return amount(f.value, unit);
    }
  }

  function rangeText(c) {
    if (c.low === null && c.high === null) return "(no agreed range)";
    if (c.low !== null && c.high !== null && c.low === c.high) return `(agreed range: exactly ${amount(c.low, c.unit)})`;
    if (c.low === null) return `(range: up to ${amount(c.high, c.unit)})`;
    if (c.high === null) return `(range: from ${amount(c.low, c.unit)})`;
    return `(range: ${amount(c.low, c.unit)} – ${amount(c.high, c.unit)})`;
  }

  function words(slug) {
    return String(slug || "").replace(/[-_]/g, " ");
  }

  function dealName(c) {
    return c.counterparty ? `${words(c.subject)} → ${words(c.counterparty)}` : words(c.subject);
  }

  function attributeName(c) {
    return words(c.attribute) + (c.qualifier ? ` ${c.qualifier}` : "");
  }

  function when(iso) {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? "" : d.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
  }

  function safeHttpUrl(url) {
    try {
      const u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  // ---- API -----------------------------------------------------------------------------------------------

  async function getJson(path) {
    const r = await fetch(path, { headers: { Accept: "application/json" } });
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return r.json();
  }

  const keyPath = (key) => `/api/consensus/${encodeURIComponent(key)}`;

  // ---- key cards -----------------------------------------------------------------------------------------

  function card(key) {
    let c = cards.get(key);
    if (c) return c;
    const root = $("key-card").content.firstElementChild.cloneNode(true);
    root.dataset.key = key;
    c = {
      root,
      deal: root.querySelector(".deal"),
      attribute: root.querySelector(".attribute"),
      figure: root.querySelector(".figure"),
      range: root.querySelector(".range"),
      sources: root.querySelector(".sources"),
      agreement: root.querySelector(".agreement"),
      updated: root.querySelector(".updated"),
      chart: root.querySelector(".chart-box"),
      claims: root.querySelector(".claims"),
    };
    cards.set(key, c);
    const container = $("keys");
    const next = [...container.children].find((e) => e.dataset.key > key);
    container.insertBefore(root, next || null);
    $("empty").hidden = true;
    return c;
  }

  function showSummary(s) {
    const c = card(s.key);
    c.deal.textContent = dealName(s);
    c.attribute.textContent = attributeName(s);
    c.figure.textContent = figureText(s.figure, s.unit);
    c.range.textContent = rangeText(s);
    c.sources.textContent = `${s.sources} source${s.sources === 1 ? "" : "s"}`;
    c.agreement.textContent = s.disagreeing ? `(${s.agreeing} agree, ${s.disagreeing} disagree)` : `(${s.agreeing} agree)`;
    c.updated.textContent = `· as of ${when(s.event_time)}`;
    showDeals();
  }

  function showDeals() {
    const deals = new Set();
    for (const key of cards.keys()) deals.add(key.split(":")[0]);
    const list = $("deals");
    list.replaceChildren(...[...deals].sort().map((d) => el("li", null, d.split(">").map(words).join(" → "))));
  }

  function showClaims(c, detail) {
    const items = (detail.claims || []).map((claim) => {
      const li = el("li");
      li.append(el("span", claim.agrees ? "agrees" : "disagrees", claim.agrees ? "✓ " : "✗ "));
      li.append(el("strong", null, figureText(claim.figure, detail.unit)));
      li.append(document.createTextNode(` ${claim.modality} · `));
      const href = safeHttpUrl(claim.url);
      if (href) {
        const a = el("a", null, claim.source);
        a.href = href;
        a.rel = "noopener noreferrer nofollow";
        a.target = "_blank";
        li.append(a);
      } else {
        li.append(el("span", null, claim.source));
      }
      li.append(el("q", null, claim.evidence));
      return li;
    });
    c.claims.replaceChildren(...items);
  }

  // ---- chart: the figure over time (step line) and each claim as a point or an interval ----------------------

  const W = 480, H = 190, L = 88, R = 12, T = 10, B = 26;

  function showChart(c, history) {
    const claims = history.claims.filter((k) => !k.retracted);
    const timeline = history.timeline.filter((t) => t.after);
    const times = claims.map((k) => Date.parse(k.event_time)).concat(timeline.map((t) => Date.parse(t.event_time)));
    const values = [];
    for (const k of claims) for (const v of [k.low, k.high, k.figure && k.figure.value]) if (Number.isFinite(v)) values.push(v);
    for (const t of timeline) values.push(t.after.value);
    if (!times.length || !values.length) { c.chart.replaceChildren(); return; }

    let t0 = Math.min(...times), t1 = Math.max(...times);
    const tPad = Math.max((t1 - t0) * 0.08, 1000);
    t0 -= tPad; t1 += tPad;
    let v0 = Math.min(...values), v1 = Math.max(...values);
    const vPad = Math.max((v1 - v0) * 0.12, Math.abs(v1) * 0.05, 1e-9);
    v0 -= vPad; v1 += vPad;
    const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
    const y = (v) => T + (1 - (Math.min(Math.max(v, v0), v1) - v0) / (v1 - v0)) * (H - T - B);

    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img" }, "chart");
    const title = svg("title");
    title.textContent = `${history.key}: figure over time and each source's claims`;
    root.append(title);
    root.append(svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B }, "axis"));
    root.append(svg("line", { x1: L, y1: T, x2: L, y2: H - B }, "axis"));
    for (const v of [v0 + vPad, v1 - vPad]) {
      const label = svg("text", { x: L - 4, y: y(v) + 3, "text-anchor": "end" }, "tick");
      label.textContent = amount(v, history.unit);
      root.append(label);
    }
    // Two date labels only when they cannot overlap (claims often come seconds apart).
    const ends = x(t1 - tPad) - x(t0 + tPad) > 150 ? [[t0 + tPad, "start"], [t1 - tPad, "end"]] : [[t1 - tPad, "middle"]];
    for (const [t, anchor] of ends) {
      const label = svg("text", { x: x(t), y: H - 8, "text-anchor": anchor }, "tick");
      label.textContent = when(new Date(t).toISOString());
      root.append(label);
    }

    for (const k of claims) {
      const cx = x(Date.parse(k.event_time));
      const cls = `claim ${k.modality}`;
      const group = svg("g", {}, "claim-mark");
      const tip = svg("title");
      tip.textContent = `${k.source}: ${figureText(k.figure, history.unit)} (${k.modality}) — ${k.evidence || ""}`;
      group.append(tip);
      if (k.low !== null && k.high !== null && k.low === k.high) {
        group.append(svg("circle", { cx, cy: y(k.low), r: 4 }, cls));
      } else {
        const lo = k.low === null ? v0 : k.low, hi = k.high === null ? v1 : k.high;
        group.append(svg("line", { x1: cx, y1: y(lo), x2: cx, y2: y(hi) }, cls));
        if (k.low !== null) group.append(svg("line", { x1: cx - 4, y1: y(lo), x2: cx + 4, y2: y(lo) }, cls));
        if (k.high !== null) group.append(svg("line", { x1: cx - 4, y1: y(hi), x2: cx + 4, y2: y(hi) }, cls));
        if (k.high === null) group.append(svg("path", { d: `M${cx - 4},${T + 6} L${cx},${T} L${cx + 4},${T + 6}` }, cls));
        if (k.low === null) group.append(svg("path", { d: `M${cx - 4},${H - B - 6} L${cx},${H - B} L${cx + 4},${H - B - 6}` }, cls));
      }
      root.append(group);
    }

    if (timeline.length) {
      let d = "";
      timeline.forEach((t, i) => {
        const px = x(Date.parse(t.event_time)), py = y(t.after.value);
        d += i === 0 ? `M${px},${py}` : ` H${px} V${py}`;
      });
      d += ` H${W - R}`;
      const line = svg("path", { d }, "figure-line");
      const tip = svg("title");
      tip.textContent = `consensus: ${figureText(timeline[timeline.length - 1].after, history.unit)}`;
      line.append(tip);
      root.append(line);
    }
    c.chart.replaceChildren(root);
  }

  async function refreshKey(key) {
    try {
      const history = await getJson(`${keyPath(key)}/history`);
      const c = card(key);
      showSummary(history.current);
      showClaims(c, history.current);
      showChart(c, history);
    } catch (e) {
      console.warn("cannot refresh", key, e);
    }
  }

  function scheduleRefresh(key) {
    clearTimeout(pendingHistory.get(key));
    pendingHistory.set(key, setTimeout(() => { pendingHistory.delete(key); refreshKey(key); }, 150));
  }

  // ---- live feed -----------------------------------------------------------------------------------------

  function feedItem(type, headline, detail, time, quoted = true) {
    const li = el("li");
    li.dataset.type = type;
    if (time) li.append(el("span", "when", when(time)));
    li.append(el("span", "headline", headline));
    if (detail) li.append(el(quoted ? "q" : "span", quoted ? null : "detail", detail));
    const feed = $("feed");
    feed.prepend(li);
    while (feed.children.length > FEED_LIMIT) feed.lastElementChild.remove();
  }

  function onChange(c) {
    const label = c.before ? `${figureText(c.before, c.unit)} → ${figureText(c.after, c.unit)}` : `first figure: ${figureText(c.after, c.unit)}`;
    feedItem("change", `${c.key}: ${label} (${c.sources} source${c.sources === 1 ? "" : "s"})${c.correction ? " — correction" : ""}`,
      `${c.trigger.source}: ${c.trigger.evidence}`, c.event_time);
    scheduleRefresh(c.key);
  }

  function onArticle(a) {
    feedItem("article", `Read: ${a.title || a.id}`, a.source ? `from ${a.source}` : null, a.published, false);
  }

  function onAlert(a) {
    const evidence = a.trigger && a.trigger.evidence ? `${a.trigger.source}: ${a.trigger.evidence}` : null;
    feedItem("alert", `Alert (${a.rule}): ${a.message}`, evidence, a.event_time);
  }

  function parse(e) {
    try {
      return JSON.parse(e.data);
    } catch (err) {
      return null;
    }
  }

  // Replayed events a reconnect could bring twice carry ids; the server skips what the browser saw, this makes sure.
  const seenEvents = new Set();

  function firstTime(e) {
    if (!e.lastEventId) return true;
    if (seenEvents.has(e.lastEventId)) return false;
    seenEvents.add(e.lastEventId);
    if (seenEvents.size > 1000) seenEvents.delete(seenEvents.values().next().value);
    return true;
  }

  function connect() {
    const status = $("connection");
    const source = new EventSource("/api/changes/stream");
    source.onopen = () => { status.dataset.state = "live"; status.textContent = "live"; };
    source.onerror = () => { status.dataset.state = "down"; status.textContent = "reconnecting…"; };
    source.addEventListener("change", (e) => { const c = parse(e); if (c && firstTime(e)) onChange(c); });
    source.addEventListener("consensus", (e) => { const s = parse(e); if (s) { showSummary(s); scheduleRefresh(s.key); } });
    source.addEventListener("article", (e) => { const a = parse(e); if (a && firstTime(e)) onArticle(a); });
    source.addEventListener("alert", (e) => { const a = parse(e); if (a && firstTime(e)) onAlert(a); });
  }

  async function load() {
    try {
      const list = await getJson("/api/consensus");
      for (const s of list.consensus) showSummary(s);
      await Promise.all(list.consensus.map((s) => refreshKey(s.key)));
    } catch (e) {
      console.warn("cannot load the consensus list", e);
      setTimeout(load, 2000);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    connect();
    load();
  });
})();
