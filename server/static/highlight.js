// A small SPARQL highlighter: one left-to-right scan with sticky regular expressions.
// It only colours text (the <textarea> above it stays the real editor), so a wrong guess
// is harmless: the text is always shown exactly as typed.
(function () {
  "use strict";

  var KEYWORDS = (
    "BASE PREFIX SELECT CONSTRUCT DESCRIBE ASK FROM NAMED WHERE GRAPH OPTIONAL UNION MINUS FILTER BIND " +
    "VALUES SERVICE SILENT AS DISTINCT REDUCED ORDER BY ASC DESC LIMIT OFFSET GROUP HAVING NOT EXISTS IN " +
    "UNDEF INSERT DELETE DATA WITH USING DEFAULT ALL LOAD INTO CLEAR DROP CREATE ADD MOVE COPY TO A"
  ).split(" ");
  var FUNCTIONS = (
    "COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE " +
    "RAND ABS CEIL FLOOR ROUND CONCAT STRLEN UCASE LCASE ENCODE_FOR_URI CONTAINS STRSTARTS STRENDS STRBEFORE " +
    "STRAFTER YEAR MONTH DAY HOURS MINUTES SECONDS TIMEZONE TZ NOW UUID STRUUID MD5 SHA1 SHA256 SHA384 " +
    "SHA512 COALESCE IF STRLANG STRDT SAMETERM ISIRI ISURI ISBLANK ISLITERAL ISNUMERIC REGEX SUBSTR REPLACE"
  ).split(" ");
  var keywordSet = {};
  KEYWORDS.forEach(function (k) { keywordSet[k] = "kw"; });
  FUNCTIONS.forEach(function (k) { keywordSet[k] = "fn"; });

  // Order matters: the first rule that matches at the current position wins.
  var RULES = [
    ["comment", /#[^\n]*/y],
    ["string", /"""[\s\S]*?(?:"""|$)|'''[\s\S]*?(?:'''|$)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?/y],
    ["iri", /<[^<>"{}|^`\\\s]*>/y],
    ["var", /[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+/y],
    ["langtag", /@[A-Za-z]+(?:-[A-Za-z0-9]+)*/y],
    ["number", /[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/y],
    ["pname", /(?:[A-Za-z\u00C0-\uFFFF][\w\u00B7\u00C0-\uFFFF.-]*)?:(?:[\w\u00C0-\uFFFF%\\:-](?:[\w\u00C0-\uFFFF%\\:.-]*[\w\u00C0-\uFFFF%\\:-])?)?/y],
    ["word", /[A-Za-z_][A-Za-z0-9_]*/y],
    ["bnode", /_:[\w-]+/y],
    ["punct", /[{}()[\].,;*^|!=<>&+\/-]+/y],
    ["space", /\s+/y],
  ];

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function tokens(text) {
    var out = [];
    var pos = 0;
    while (pos < text.length) {
      var matched = false;
      for (var i = 0; i < RULES.length; i++) {
        var re = RULES[i][1];
        re.lastIndex = pos;
        var m = re.exec(text);
        if (m && m[0].length > 0) {
          var kind = RULES[i][0];
          if (kind === "word") {
            var upper = m[0].toUpperCase();
            kind = keywordSet[upper] || (m[0] === "true" || m[0] === "false" ? "number" : "plain");
            if (m[0] === "a") kind = "kw";
          }
          out.push([kind, m[0]]);
          pos += m[0].length;
          matched = true;
          break;
        }
      }
      if (!matched) {
        out.push(["plain", text[pos]]);
        pos += 1;
      }
    }
    return out;
  }

  function highlight(text) {
    return tokens(text).map(function (t) {
      var html = escapeHtml(t[1]);
      return t[0] === "plain" || t[0] === "space" ? html : '<span class="t-' + t[0] + '">' + html + "</span>";
    }).join("");
  }

  window.SparqlHighlight = { highlight: highlight, tokens: tokens };
})();
