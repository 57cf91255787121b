// The partner-search page: reads the form, calls GET /api/partners, renders the answer.
// Every value from the server is put into the page with textContent (never as HTML).
"use strict";

(function () {
  const COUNTRIES = {
    AT: "Austria", BE: "Belgium", BG: "Bulgaria", CH: "Switzerland", CY: "Cyprus", CZ: "Czechia",
    DE: "Germany", DK: "Denmark", EE: "Estonia", ES: "Spain", FI: "Finland", FR: "France",
    GB: "United Kingdom", GR: "Greece", HR: "Croatia", HU: "Hungary", IE: "Ireland", IS: "Iceland",
    IT: "Italy", LI: "Liechtenstein", LT: "Lithuania", LU: "Luxembourg", LV: "Latvia", MT: "Malta",
    NL: "Netherlands", NO: "Norway", PL: "Poland", PT: "Portugal", RO: "Romania", SE: "Sweden",
    SI: "Slovenia", SK: "Slovakia",
  };
  const PARTS = ["themes", "keywords", "types", "programmes", "cooperation"];
  const RELATION = { broader: "broader than", narrower: "narrower than", sibling: "next to" };
  const PAGE_SIZE = 10;

  const form = document.getElementById("partner-form");
  const list = document.getElementById("results");
  const status = document.getElementById("status");
  const errorBox = document.getElementById("error");
  const lookingFor = document.getElementById("looking-for");
  const pager = document.getElementById("pager");
  const button = document.getElementById("search");
  let offset = 0;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else node.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function fillCountries() {
    const select = document.getElementById("country");
    for (const [code, name] of Object.entries(COUNTRIES).sort((a, b) => a[1].localeCompare(b[1]))) {
      select.append(el("option", { value: code, title: code }, name));
    }
  }

  function params() {
    const p = new URLSearchParams();
    const data = new FormData(form);
    for (const [key, value] of data.entries()) {
      const text = String(value).trim();
      if (text) p.append(key, text);
    }
    p.set("limit", String(PAGE_SIZE));
    if (offset) p.set("offset", String(offset));
    return p;
  }

  function restore() {
    const p = new URLSearchParams(location.search);
    for (const name of ["q", "country", "lang", "programme", "org"]) {
      const field = form.elements.namedItem(name);
      if (field && p.get(name)) field.value = p.get(name);
    }
    const types = p.getAll("type");
    for (const box of form.querySelectorAll('input[name="type"]')) box.checked = types.includes(box.value);
    document.getElementById("same-country").checked = p.get("same_country") === "true";
    offset = Number(p.get("offset") || 0);
    return p.has("q") || p.has("org") || p.has("programme");
  }

  function scoreBox(result) {
    const bar = el("div", { class: "pl-bar", role: "img",
      "aria-label": PARTS.map((k) => `${k} ${result.parts[k].toFixed(2)}`).join(", ") });
    for (const part of PARTS) {
      const value = result.parts[part];
      if (value <= 0) continue;
      const segment = el("span", { class: `part-${part}`, title: `${part}: ${value.toFixed(3)}` });
      segment.style.width = `${(value * 100).toFixed(1)}%`; // CSSOM, allowed by the page's CSP
      bar.append(segment);
    }
    const legend = el("div", { class: "pl-legend" },
      PARTS.filter((k) => result.parts[k] > 0).map((k) =>
        el("span", {}, el("i", { class: `part-${k}` }), `${k} ${result.parts[k].toFixed(2)}`)));
    return el("div", { class: "pl-score" },
      el("div", { class: "pl-score-value", title: "score (0-1)" }, result.score.toFixed(2)), bar, legend);
  }

  function evidenceBlock(ev) {
    const source = ev.page ? el("a", { href: ev.page }, ev.title || "source document") : (ev.title || ev.document);
    return el("blockquote", { class: "pl-evidence" }, el("q", {}, ev.sentence), el("cite", {}, "— ", source));
  }

  function card(result, rank) {
    const name = result.page ? el("a", { href: result.page }, result.label) : result.label;
    const meta = el("div", { class: "pl-meta" },
      result.country ? el("span", { class: "pl-badge country", title: COUNTRIES[result.country] || "" },
        result.country) : null,
      result.regions.map((r) => el("span", { class: "pl-badge" }, r.label)),
      result.types.map((t) => el("span", { class: "pl-badge" }, t.replace(/([a-z])([A-Z])/g, "$1 $2"))));
    const head = el("div", { class: "pl-card-head" },
      el("div", {}, el("h3", { class: "pl-name" }, el("span", { class: "pl-rank" }, `${rank}.`), name), meta),
      scoreBox(result));
    const chips = el("div", { class: "pl-chips", "aria-label": "Matched themes" },
      result.matched_themes.map((m) => el("span", { class: "pl-chip" }, el("b", {}, m.label),
        (m.relation === "exact" ? " · same theme" : ` · ${RELATION[m.relation] || m.relation} ${m.need_label}`) +
        (m.via_label ? ` · via ${m.via_label}` : ""))));
    // One quote per distinct sentence (two needs can be met by the same theme and sentence).
    const evidence = [];
    const quoted = new Set();
    for (const m of result.matched_themes) {
      for (const ev of m.evidence.slice(0, 1)) {
        if (quoted.has(ev.sentence)) continue;
        quoted.add(ev.sentence);
        evidence.push(evidenceBlock(ev));
      }
    }
    const extra = [];
    if (result.contacts && result.contacts.length) {
      extra.push(el("ul", { class: "pl-contacts", "aria-label": "Contacts" }, result.contacts.map((c) =>
        el("li", {}, [c.name, c.job_title, ...c.emails, ...c.phones].filter(Boolean).join(" · ")))));
    }
    // Theme reasons are shown as their evidence (sentence + source); the other reasons as a list.
    const others = result.reasons.filter((r) => r.kind !== "theme");
    const why = others.length
      ? el("ul", { class: "pl-why", "aria-label": "Other reasons" }, others.map((r) =>
        el("li", { class: `reason-${r.kind}` }, r.text)))
      : null;
    return el("li", { class: "pl-card", "data-iri": result.iri, title: result.explanation }, head, chips,
      evidence, why, extra);
  }

  function showLookingFor(query) {
    lookingFor.replaceChildren();
    if (!query.themes.length && !query.keywords.length) { lookingFor.hidden = true; return; }
    lookingFor.append("Looking for: ");
    for (const t of query.themes) lookingFor.append(el("span", { class: "pl-chip", title: t.source }, t.label), " ");
    for (const k of query.keywords) lookingFor.append(el("span", { class: "pl-chip" }, `“${k}”`), " ");
    if (query.country) lookingFor.append(query.same_country ? ` · including ${query.country}` : ` · outside ${query.country}`);
    lookingFor.hidden = false;
  }

  function showNotes(notes) {
    const box = document.getElementById("notes");
    box.replaceChildren(...notes.map((n) => el("li", {}, n)));
    box.hidden = notes.length === 0;
  }

  async function run(push) {
    const p = params();
    if (push) history.pushState(null, "", `?${p}`);
    errorBox.hidden = true;
    button.disabled = true;
    status.textContent = "Searching…";
    try {
      const response = await fetch(`/api/partners?${p}`, { headers: { Accept: "application/json" } });
      const body = await response.json();
      if (!response.ok) {
        const e = body.error || {};
        throw new Error(`${e.message || response.statusText}${e.hint ? ` — ${e.hint}` : ""}`);
      }
      showLookingFor(body.query);
      showNotes(body.notes);
      list.replaceChildren(...body.results.map((r, i) => card(r, body.offset + i + 1)));
      const shown = body.results.length;
      status.textContent = shown
        ? `${body.offset + 1}–${body.offset + shown} of ${body.total} candidates`
        : "No candidate matches: try other words or fewer filters.";
      pager.hidden = body.total <= PAGE_SIZE;
      document.getElementById("prev").disabled = body.offset === 0;
      document.getElementById("next").disabled = body.offset + shown >= body.total;
      document.getElementById("page-info").textContent =
        `page ${Math.floor(body.offset / PAGE_SIZE) + 1} of ${Math.max(1, Math.ceil(body.total / PAGE_SIZE))}`;
    } catch (err) {
      list.replaceChildren();
      showNotes([]);
      pager.hidden = true;
      errorBox.textContent = err.message;
      errorBox.hidden = false;
      status.textContent = "The search failed.";
    } finally {
      button.disabled = false;
    }
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); offset = 0; run(true); });
  document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE_SIZE); run(true); });
  document.getElementById("next").addEventListener("click", () => { offset += PAGE_SIZE; run(true); });
  window.addEventListener("popstate", () => { if (restore()) run(false); });

  fillCountries();
  if (restore()) run(false);
})();
