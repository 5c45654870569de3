/* The presentation: the projector and the presenter view, kept in step over Socket.IO. */
(function () {
  "use strict";
  var root = document.getElementById("deck");
  if (!root) return;
  var view = root.dataset.view;
  var count = Number(root.dataset.count);
  var position = Number(root.dataset.position);
  var startedAt = root.dataset.started ? Date.parse(root.dataset.started) : null;
  var total = Number(root.dataset.total || 600);
  var slideSince = Date.now();
  var signature = null;

  document.querySelectorAll(".deck-bar").forEach(function (bar) { bar.style.width = bar.dataset.share + "%"; });

  function pick(container, index) {
    if (!container) return;
    container.querySelectorAll("[data-index]").forEach(function (node) {
      node.classList.toggle("active", Number(node.dataset.index) === index);
    });
  }

  function show(index) {
    if (index !== position) slideSince = Date.now();
    position = index;
    var now = document.getElementById("deck-now");
    if (now) now.textContent = String(index + 1);
    if (view === "projector") { pick(root, index); return; }
    pick(document.getElementById("pane-now"), index);
    pick(document.getElementById("pane-next"), index + 1);
    pick(document.querySelector(".presenter-notes"), index);
    var slide = document.querySelector('#pane-now [data-index="' + index + '"]');
    document.getElementById("speaker").textContent = slide ? slide.dataset.presenter : "";
    tick();
  }

  function clock(seconds) {
    var sign = seconds < 0 ? "-" : "";
    seconds = Math.abs(Math.round(seconds));
    return sign + Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
  }

  function tick() {
    if (view !== "presenter") return;
    var elapsed = startedAt ? (Date.now() - startedAt) / 1000 : 0;
    var slide = document.querySelector('#pane-now [data-index="' + position + '"]');
    var budget = slide ? Number(slide.dataset.seconds) : 0;
    document.getElementById("elapsed").textContent = clock(elapsed);
    document.getElementById("left-total").textContent = clock(total - elapsed);
    document.getElementById("left-slide").textContent = clock(budget - (startedAt ? (Date.now() - slideSince) / 1000 : 0));
    root.classList.toggle("over-time", startedAt !== null && elapsed > total);
  }

  var socket = YV.connect({ event: root.dataset.code, view: view }, {
    deck_state: function (state) {
      var sig = JSON.stringify(state.slides.map(function (s) { return [s.key, s.title, s.notes, s.seconds, s.presenter, s.body]; }));
      if (signature !== null && sig !== signature) { window.location.reload(); return; }  // the deck was edited
      signature = sig;
      total = state.total_seconds || total;
      startedAt = state.started_at ? Date.parse(state.started_at) : null;
      show(state.position);
    }
  }, document.getElementById("live-status"));

  function go(index) {
    if (index < 0 || index >= count || index === position) return;
    show(index);
    socket.emit("deck_goto", { position: index }, function (ack) {
      if (ack && !ack.ok) document.getElementById("live-status").textContent = ack.error;
    });
  }

  document.addEventListener("keydown", function (e) {
    if (e.target.closest && e.target.closest("input, textarea, select")) return;
    if (["ArrowRight", "PageDown", " ", "Enter", "ArrowDown"].indexOf(e.key) >= 0) { go(position + 1); e.preventDefault(); }
    else if (["ArrowLeft", "PageUp", "Backspace", "ArrowUp"].indexOf(e.key) >= 0) { go(position - 1); e.preventDefault(); }
    else if (e.key === "Home") { go(0); e.preventDefault(); }
  });

  var next = document.getElementById("next"), prev = document.getElementById("prev");
  if (next) next.addEventListener("click", function () { go(position + 1); });
  if (prev) prev.addEventListener("click", function () { go(position - 1); });
  if (view === "projector") {
    root.addEventListener("click", function (e) {  // a tap: right half forward, left half back
      if (e.target.closest("button")) return;
      go(e.clientX > window.innerWidth / 2 ? position + 1 : position - 1);
    });
    document.getElementById("fullscreen").addEventListener("click", function () {
      if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
    });
  }
  show(position);
  window.setInterval(tick, 1000);
})();
