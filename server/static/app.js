// The query page: editor, examples, running a query against /sparql, results and downloads.
(function () {
  "use strict";

  var ENDPOINT = "/sparql";
  var TOKEN_KEY = "innograph.token";
  var QUERY_KEY = "innograph.query";
  var MAX_ROWS_SHOWN = 1000;
  var SOLUTION_DOWNLOADS = [["JSON", "json", "json"], ["XML", "xml", "srx"], ["CSV", "csv", "csv"], ["TSV", "tsv", "tsv"]];
  var GRAPH_DOWNLOADS = [["Turtle", "ttl", "ttl"], ["N-Triples", "nt", "nt"], ["JSON-LD", "jsonld", "jsonld"], ["RDF/XML", "rdf", "rdf"]];
  var PREFIXES = {
    "https://w3id.org/innograph/ontology#": "ig:",
    "https://w3id.org/innograph/id/": "id:",
    "https://w3id.org/innograph/graph/": "graph:",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://xmlns.com/foaf/0.1/": "foaf:",
    "http://www.w3.org/2006/vcard/ns#": "vcard:",
    "http://www.w3.org/2002/07/owl#": "owl:",
  };
  var PLAIN_TYPES = /#(string|integer|decimal|double)$/;
  var UPDATE_WORDS = /^(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b/i;

  var $ = function (id) { return document.getElementById(id); };
  var editor, highlightBox, output, statusLine, errorBox, downloads, downloadLinks, tokenInput, runButton;
  var running = null;

  function init() {
    editor = $("editor");
    highlightBox = $("highlight");
    output = $("output");
    statusLine = $("status");
    errorBox = $("error");
    downloads = $("downloads");
    downloadLinks = $("download-links");
    tokenInput = $("token");
    runButton = $("run");

    tokenInput.value = sessionStorage.getItem(TOKEN_KEY) || "";
    tokenInput.addEventListener("input", function () {
      if (tokenInput.value) sessionStorage.setItem(TOKEN_KEY, tokenInput.value);
      else sessionStorage.removeItem(TOKEN_KEY);
    });
    $("forget-token").addEventListener("click", function () {
      tokenInput.value = "";
      sessionStorage.removeItem(TOKEN_KEY);
      tokenInput.focus();
    });

    var fromUrl = new URLSearchParams(location.search).get("query");
    editor.value = fromUrl || sessionStorage.getItem(QUERY_KEY) ||
      "PREFIX ig: <https://w3id.org/innograph/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n\n" +
      "SELECT ?org ?name WHERE {\n  ?org a ig:Organisation ;\n       rdfs:label ?name .\n}\nLIMIT 20\n";
    editor.addEventListener("input", function () {
      repaint();
      sessionStorage.setItem(QUERY_KEY, editor.value);
    });
    editor.addEventListener("scroll", syncScroll);
    editor.addEventListener("keydown", function (event) {
      if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
        event.preventDefault();
        run();
      }
    });
    runButton.addEventListener("click", run);
    $("show-sd").addEventListener("click", showServiceDescription);
    downloadLinks.addEventListener("click", downloadWithToken);
    repaint();
    loadExamples();
  }

  // -- editor -------------------------------------------------------------------------------------

  function repaint() {
    // a trailing newline keeps the <pre> as tall as the textarea when the text ends with one
    highlightBox.innerHTML = window.SparqlHighlight.highlight(editor.value) + "\n";
    syncScroll();
  }

  function syncScroll() {
    highlightBox.scrollTop = editor.scrollTop;
    highlightBox.scrollLeft = editor.scrollLeft;
  }

  // -- examples -----------------------------------------------------------------------------------

  function loadExamples() {
    var list = $("example-list");
    fetch("/api/examples", { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (items) {
        list.innerHTML = "";
        items.forEach(function (item) {
          var li = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "example";
          button.dataset.name = item.name;
          var title = document.createElement("span");
          title.className = "example-title";
          title.textContent = item.title;
          var description = document.createElement("span");
          description.className = "example-description";
          description.textContent = item.description;
          button.append(title, description);
          button.addEventListener("click", function () {
            editor.value = item.query;
            sessionStorage.setItem(QUERY_KEY, item.query);
            editor.scrollTop = 0;
            repaint();
            document.querySelectorAll(".example[aria-current]").forEach(function (b) { b.removeAttribute("aria-current"); });
            button.setAttribute("aria-current", "true");
            editor.focus();
            setStatus("Loaded “" + item.title + "”. Run it with the button or Ctrl+Enter.");
          });
          li.appendChild(button);
          list.appendChild(li);
        });
        list.setAttribute("aria-busy", "false");
      })
      .catch(function (err) {
        list.setAttribute("aria-busy", "false");
        list.innerHTML = '<li class="hint">The examples could not be loaded (' + escapeHtml(String(err.message)) + ").</li>";
      });
  }

  // -- running ------------------------------------------------------------------------------------

  function isUpdate(text) {
    var body = text.replace(/#[^\n]*/g, " ")
      .replace(/^\s*((BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)\s*)*/i, "");
    return UPDATE_WORDS.test(body.trim());
  }

  function authHeaders() {
    var token = tokenInput.value.trim();
    return token ? { Authorization: "Bearer " + token } : {};
  }

  function run() {
    var text = editor.value;
    if (!text.trim()) {
      showError({ message: "The query is empty.", hint: "Type a query or pick an example." });
      return;
    }
    if (running) running.abort();
    var controller = new AbortController();
    running = controller;
    var update = isUpdate(text);
    var headers = Object.assign({
      "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
      Accept: update ? "application/json, */*;q=0.1" : "application/sparql-results+json, text/turtle;q=0.9",
    }, authHeaders());
    var body = new URLSearchParams();
    body.set(update ? "update" : "query", text);
    var started = performance.now();
    clearResults();
    runButton.disabled = true;
    runButton.textContent = "Running…";
    output.setAttribute("aria-busy", "true");
    setStatus(update ? "Running the update…" : "Running the query…");

    fetch(ENDPOINT, { method: "POST", headers: headers, body: body, signal: controller.signal })
      .then(function (response) {
        var type = (response.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
        return response.text().then(function (payload) {
          var ms = Math.round(performance.now() - started);
          if (!response.ok) { showHttpError(response.status, type, payload); return; }
          if (update) { setStatus("Update done in " + ms + " ms."); return; }
          if (type === "application/sparql-results+json" || type === "application/json") {
            showSolutions(JSON.parse(payload), ms, text);
          } else {
            showGraph(payload, type, ms, text);
          }
        });
      })
      .catch(function (err) {
        if (err.name === "AbortError") return;
        showError({ message: "The server could not be reached: " + err.message, hint: "Check that innograph is running." });
      })
      .finally(function () {
        if (running === controller) running = null;
        runButton.disabled = false;
        runButton.textContent = "Run query";
        output.setAttribute("aria-busy", "false");
      });
  }

  // -- results ------------------------------------------------------------------------------------

  function clearResults() {
    errorBox.hidden = true;
    errorBox.innerHTML = "";
    downloads.hidden = true;
    downloadLinks.innerHTML = "";
    output.innerHTML = "";
  }

  function setStatus(text) { statusLine.textContent = text; }

  function showSolutions(data, ms, query) {
    if (typeof data.boolean === "boolean") {
      var answer = document.createElement("p");
      answer.className = "boolean " + (data.boolean ? "yes" : "no");
      answer.textContent = data.boolean ? "Yes (true)" : "No (false)";
      output.appendChild(answer);
      setStatus("ASK answered in " + ms + " ms.");
      showDownloads(query, SOLUTION_DOWNLOADS);
      return;
    }
    var vars = data.head && data.head.vars ? data.head.vars : [];
    var rows = data.results && data.results.bindings ? data.results.bindings : [];
    var shown = rows.slice(0, MAX_ROWS_SHOWN);
    var table = document.createElement("table");
    table.className = "result-table";
    var caption = document.createElement("caption");
    caption.className = "sr-only";
    caption.textContent = "Query results: " + rows.length + " rows";
    table.appendChild(caption);
    var thead = table.createTHead();
    var headRow = thead.insertRow();
    var corner = document.createElement("th");
    corner.scope = "col";
    corner.className = "rownum";
    corner.textContent = "#";
    headRow.appendChild(corner);
    vars.forEach(function (v) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = "?" + v;
      headRow.appendChild(th);
    });
    var tbody = table.createTBody();
    shown.forEach(function (binding, index) {
      var tr = tbody.insertRow();
      var num = document.createElement("th");
      num.scope = "row";
      num.className = "rownum";
      num.textContent = String(index + 1);
      tr.appendChild(num);
      vars.forEach(function (v) {
        var td = tr.insertCell();
        if (binding[v]) td.appendChild(renderTerm(binding[v]));
      });
    });
    var wrap = document.createElement("div");
    wrap.className = "table-wrap";
    wrap.appendChild(table);
    output.appendChild(wrap);
    var note = rows.length > MAX_ROWS_SHOWN ? " (showing the first " + MAX_ROWS_SHOWN + "; download for all)" : "";
    setStatus(rows.length + (rows.length === 1 ? " row" : " rows") + " in " + ms + " ms" + note + ".");
    if (!rows.length) {
      var empty = document.createElement("p");
      empty.className = "hint";
      empty.textContent = "No results. The patterns matched nothing in the graphs you can see.";
      output.appendChild(empty);
    }
    showDownloads(query, SOLUTION_DOWNLOADS);
  }

  function shorten(iri) {
    for (var ns in PREFIXES) {
      if (iri.indexOf(ns) === 0 && iri.length > ns.length) return PREFIXES[ns] + iri.slice(ns.length);
    }
    return iri;
  }

  function renderTerm(term) {
    var span = document.createElement("span");
    if (term.type === "uri") {
      var a = document.createElement("a");
      a.href = term.value;
      a.className = "term-iri";
      a.title = term.value;
      a.textContent = shorten(term.value);
      a.rel = "noopener";
      if (!/^https?:/i.test(term.value)) { span.className = "term-iri"; span.textContent = term.value; return span; }
      return a;
    }
    if (term.type === "bnode") {
      span.className = "term-bnode";
      span.textContent = "_:" + term.value;
      return span;
    }
    if (term.type === "triple") {
      span.className = "term-triple";
      span.textContent = "<< … >>";
      return span;
    }
    span.className = "term-literal";
    span.textContent = term.value;
    var lang = term["xml:lang"];
    if (!lang && PLAIN_TYPES.test(term.datatype || "")) {
      span.title = term.datatype;  // numbers and strings read fine without their type
      return span;
    }
    if (lang || term.datatype) {
      var tag = document.createElement("span");
      tag.className = "term-tag";
      tag.textContent = lang ? "@" + lang : shorten(term.datatype);
      if (!lang) tag.title = term.datatype;
      var box = document.createElement("span");
      box.append(span, tag);
      return box;
    }
    return span;
  }

  function showGraph(text, type, ms, query) {
    var statements = text.split("\n").filter(function (line) { return /\.\s*$/.test(line); }).length;
    if (!text.trim()) {
      var empty = document.createElement("p");
      empty.className = "hint";
      empty.textContent = "The graph is empty: the WHERE patterns matched nothing in the graphs you can see.";
      output.appendChild(empty);
      setStatus("Empty graph in " + ms + " ms.");
    } else {
      var pre = document.createElement("pre");
      pre.className = "graph-text";
      pre.textContent = text;
      output.appendChild(pre);
      setStatus("Graph (" + (type || "RDF") + ", about " + statements + " statements) in " + ms + " ms.");
    }
    showDownloads(query, GRAPH_DOWNLOADS);
  }

  // A browser asking /sparql for HTML is sent back here, so fetch the RDF and show it instead.
  function showServiceDescription(event) {
    event.preventDefault();
    clearResults();
    fetch(ENDPOINT, { headers: { Accept: "text/turtle" } })
      .then(function (r) {
        return r.text().then(function (text) {
          if (!r.ok) { showHttpError(r.status, (r.headers.get("Content-Type") || "").split(";")[0], text); return; }
          var pre = document.createElement("pre");
          pre.className = "graph-text";
          pre.textContent = text;
          output.appendChild(pre);
          setStatus("Service description of " + location.origin + ENDPOINT + " (Turtle).");
          output.focus();
        });
      })
      .catch(function (err) { showError({ message: "The server could not be reached: " + err.message }); });
  }

  function showDownloads(query, formats) {
    downloadLinks.innerHTML = "";
    formats.forEach(function (f) {
      var a = document.createElement("a");
      a.href = ENDPOINT + "?" + new URLSearchParams({ query: query, format: f[1] }).toString();
      a.download = "results." + f[2];
      a.className = "download";
      a.dataset.format = f[1];
      a.textContent = f[0];
      downloadLinks.appendChild(a);
    });
    var permalink = document.createElement("a");
    permalink.href = "/?" + new URLSearchParams({ query: query }).toString();
    permalink.className = "permalink";
    permalink.textContent = "Link to this query";
    downloadLinks.appendChild(permalink);
    downloads.hidden = false;
  }

  // A plain link cannot send the token: with one, fetch the file and save it from a blob.
  function downloadWithToken(event) {
    var link = event.target.closest("a.download");
    if (!link || !tokenInput.value.trim()) return;
    event.preventDefault();
    fetch(link.href, { headers: authHeaders() })
      .then(function (r) {
        if (!r.ok) return r.text().then(function (t) { showHttpError(r.status, (r.headers.get("Content-Type") || "").split(";")[0], t); });
        return r.blob().then(function (blob) {
          var url = URL.createObjectURL(blob);
          var save = document.createElement("a");
          save.href = url;
          save.download = link.download;
          document.body.appendChild(save);
          save.click();
          save.remove();
          setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        });
      })
      .catch(function (err) { showError({ message: "Download failed: " + err.message }); });
  }

  // -- errors -------------------------------------------------------------------------------------

  function showHttpError(status, type, payload) {
    var problem = null;
    if (type.indexOf("json") !== -1) {
      try {
        var parsed = JSON.parse(payload);
        problem = parsed.error && typeof parsed.error === "object" ? parsed.error : { message: parsed.message || parsed.detail };
      } catch (e) { problem = null; }
    }
    if (!problem || !problem.message) problem = { message: payload.trim().slice(0, 2000) || "HTTP " + status };
    problem.status = status;
    showError(problem);
  }

  function showError(problem) {
    errorBox.innerHTML = "";
    var title = document.createElement("p");
    title.className = "error-title";
    title.textContent = problem.status ? errorTitle(problem.status) : "Something went wrong";
    var message = document.createElement("p");
    message.className = "error-message";
    message.textContent = problem.message;
    errorBox.append(title, message);
    if (problem.hint) {
      var hint = document.createElement("p");
      hint.className = "error-hint";
      hint.textContent = problem.hint;
      errorBox.appendChild(hint);
    }
    var where = /error at (\d+):(\d+)/.exec(problem.message || "");
    if (where) {
      var go = document.createElement("button");
      go.type = "button";
      go.className = "error-goto";
      go.textContent = "Show line " + where[1] + ", column " + where[2] + " in the editor";
      go.addEventListener("click", function () { selectPosition(Number(where[1]), Number(where[2])); });
      errorBox.appendChild(go);
    }
    if (problem.code) {
      var code = document.createElement("p");
      code.className = "error-code";
      code.textContent = "Error code: " + problem.code + (problem.status ? " · HTTP " + problem.status : "");
      errorBox.appendChild(code);
    }
    errorBox.hidden = false;
    setStatus("The query failed.");
  }

  // Put the caret at a 1-based line and column (as the server reports them) and select one character.
  function selectPosition(line, column) {
    var lines = editor.value.split("\n");
    var offset = 0;
    for (var i = 0; i < Math.min(line - 1, lines.length); i++) offset += lines[i].length + 1;
    offset = Math.min(offset + Math.max(column - 1, 0), editor.value.length);
    editor.focus();
    editor.setSelectionRange(offset, Math.min(offset + 1, editor.value.length));
  }

  function errorTitle(status) {
    if (status === 400) return "The query has a problem";
    if (status === 401 || status === 403) return "Not allowed";
    if (status === 406) return "Format not available";
    if (status === 413) return "The query is too large";
    if (status === 422) return "The result is too large";
    if (status === 503 || status === 504) return "The query was stopped";
    return "The server answered HTTP " + status;
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
