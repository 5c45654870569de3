/* The safeguarding lead's view: concerns live, with a badge, a visible alert and an optional sound. */
(function () {
  "use strict";
  var root = document.getElementById("safeguarding");
  if (!root) return;
  var el = YV.el;
  var list = document.getElementById("concerns");
  var badge = document.getElementById("concern-badge");
  var alertNode = document.getElementById("alert");
  var soundButton = document.getElementById("sound-toggle");
  var baseTitle = document.title;
  var concerns = {};
  var audio = null;
  var seenSnapshot = false;
  var SOURCES = { screening: "flagged by screening", help_form: "\u201cTalk to someone\u201d form", facilitator: "marked by a facilitator" };

  function when(iso) {
    var d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
  }

  function concernUrl(id) { return root.dataset.concernUrl.replace(/\/0$/, "/" + id); }

  function item(c) {
    var children = [
      el("p", { className: "meta" }, [el("strong", { text: "#" + c.id }), " \u00B7 " + when(c.created_at) + " \u00B7 " + c.school + " \u00B7 " + (SOURCES[c.source] || c.source)]),
      c.prompt ? el("p", { className: "meta", text: "Question: " + c.prompt }) : null,
      el("p", { className: "concern-text", text: c.text }),
      c.contact ? el("p", {}, [el("strong", { text: "How to reach them: " }), c.contact]) : null,
      c.reasons.length ? el("p", { className: "meta", text: "Why: " + c.reasons.join(", ") }) : null,
      el("p", {}, [el("span", { className: "status-chip", text: c.status_label }), " ",
        el("a", { className: "button button-small", href: concernUrl(c.id), text: "Open and record action" })])
    ];
    return el("li", { className: "concern card status-" + c.status, dataset: { concernId: c.id } }, children);
  }

  function render() {
    list.textContent = "";
    var all = Object.keys(concerns).map(function (id) { return concerns[id]; }).sort(function (a, b) { return b.id - a.id; });
    all.forEach(function (c) { list.appendChild(item(c)); });
    if (!all.length) list.appendChild(el("li", { className: "empty", text: "No concerns so far." }));
    var fresh = all.filter(function (c) { return c.status === "new"; }).length;
    badge.textContent = String(fresh);
    document.title = (fresh ? "(" + fresh + ") " : "") + baseTitle;
  }

  function beep() {
    if (!audio) return;
    var osc = audio.createOscillator(), gain = audio.createGain();
    osc.frequency.value = 880; gain.gain.value = 0.2;
    osc.connect(gain); gain.connect(audio.destination);
    osc.start(); osc.stop(audio.currentTime + 0.4);
  }

  function alertFor(c, count) {
    alertNode.hidden = false;
    alertNode.textContent = (count > 1 ? count + " new concerns, the latest #" : "New concern #") + c.id +
      " from " + c.school + " (" + (SOURCES[c.source] || c.source) + ").";
    beep();
  }

  soundButton.addEventListener("click", function () {
    if (audio) { audio.close(); audio = null; }
    else { audio = new (window.AudioContext || window.webkitAudioContext)(); beep(); }
    soundButton.setAttribute("aria-pressed", audio ? "true" : "false");
    soundButton.textContent = audio ? "Alert sound is on" : "Turn on alert sound";
  });

  YV.connect({ event: root.dataset.code, view: "safeguarding" }, {
    snapshot: function (s) {
      var known = concerns, first = !Object.keys(known).length && !seenSnapshot;
      concerns = {};
      s.concerns.forEach(function (c) { concerns[c.id] = c; });
      render();
      seenSnapshot = true;
      /* Concerns that arrived while the connection was down still get an alert. */
      var missed = s.concerns.filter(function (c) { return !first && !known[c.id] && c.status === "new"; });
      if (missed.length) alertFor(missed[0], missed.length);
    },
    concern_new: function (c) { concerns[c.id] = c; render(); alertFor(c, 1); },
    concern_updated: function (c) { concerns[c.id] = c; render(); }
  }, document.getElementById("live-status"));
})();
