// Search as you type over the site's index shards, with no server: the shards are fetched once, on
// first use. The query is kept in the address (?q=), so a search can be shared or bookmarked. Chinese needs no word splitting: every query term must appear in the title, source or
// excerpt, either whole or, for CJK text, as all of its two-character pieces.
(function () {
  "use strict";
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  if (!input || !list) return;
  var MAX_RESULTS = 30;
  var loading = null;
  var records = [];
  var itemBase = "";
  var timer = 0;

  function load() {
    if (loading) return loading;
    var indexUrl = input.getAttribute("data-index");
    loading = fetch(indexUrl).then(function (response) {
      if (!response.ok) throw new Error("search index: HTTP " + response.status);
      return response.json();
    }).then(function (index) {
      itemBase = index.items;
      return Promise.all(index.shards.map(function (shard) {
        return fetch(shard.url).then(function (response) { return response.json(); });
      }));
    }).then(function (shards) {
      shards.forEach(function (shard) {
        shard.forEach(function (row) {
          // row: [key, title, source, date, excerpt]
          records.push({ row: row, title: row[1].toLowerCase(), text: (row[2] + " " + row[4]).toLowerCase() });
        });
      });
      records.reverse(); // shards run oldest first; show the newest first
    });
    return loading;
  }

  var CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

  function matcher(term) {
    if (term.length > 2 && CJK.test(term)) {
      var pieces = [];
      for (var i = 0; i + 2 <= term.length; i++) pieces.push(term.substr(i, 2));
      return function (text) {
        if (text.indexOf(term) >= 0) return 2;
        for (var j = 0; j < pieces.length; j++) if (text.indexOf(pieces[j]) < 0) return 0;
        return 1;
      };
    }
    return function (text) { return text.indexOf(term) >= 0 ? 2 : 0; };
  }

  function search(query) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean).map(matcher);
    var hits = [];
    for (var i = 0; i < records.length && terms.length; i++) {
      var record = records[i];
      var score = 0;
      for (var t = 0; t < terms.length; t++) {
        var inTitle = terms[t](record.title);
        var inText = inTitle ? 0 : terms[t](record.text);
        if (!inTitle && !inText) { score = -1; break; }
        score += inTitle ? 3 * inTitle : inText;
      }
      if (score > 0) hits.push({ record: record, score: score, order: i });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return hits.slice(0, MAX_RESULTS);
  }

  function show(hits, query) {
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!query) { list.hidden = true; return; }
    if (!hits.length) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = "没有找到“" + query + "”";
      list.appendChild(none);
    }
    hits.forEach(function (hit) {
      var row = hit.record.row;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = itemBase + encodeURIComponent(row[0]) + ".html";
      var title = document.createElement("span");
      title.className = "hit-title";
      title.textContent = row[1];
      a.appendChild(title);
      var meta = document.createElement("span");
      meta.className = "hit-meta";
      meta.textContent = row[2] + " · " + row[3];
      a.appendChild(meta);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
  }

  // replaceState, not pushState: each keystroke is not a step the Back button should retrace.
  function keepInAddress(query) {
    if (!window.URL || !window.history || !history.replaceState) return;
    var address = new URL(location.href);
    if (query) address.searchParams.set("q", query); else address.searchParams.delete("q");
    if (address.href !== location.href) history.replaceState(history.state, "", address.href);
  }

  function run() {
    var query = input.value.trim();
    keepInAddress(query);
    if (!query) { show([], ""); return; }
    load().then(function () { show(search(query), query); }, function (error) {
      list.hidden = false;
      list.textContent = String(error.message || error);
    });
  }

  input.addEventListener("focus", function () { load(); });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; keepInAddress(""); show([], ""); }
  });
  document.addEventListener("click", function (event) {
    if (!list.contains(event.target) && event.target !== input) list.hidden = true;
  });

  var shared = window.URLSearchParams ? new URLSearchParams(location.search).get("q") : null;
  if (shared && shared.trim()) {
    input.value = shared;
    run();
  }
})();

// On a phone the category tree is a row of chips that scrolls sideways: bring this page's into view.
(function () {
  "use strict";
  var here = document.querySelector(".tree [aria-current=page]");
  var row = here && here.closest("ul");
  if (!row || row.scrollWidth <= row.clientWidth) return;
  row.scrollLeft = here.parentNode.offsetLeft - (row.clientWidth - here.parentNode.offsetWidth) / 2;
})();
