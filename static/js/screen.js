/* The big screen: join code, QR, pupils joined, and the current question's top ideas with vote bars. */
(function () {
  "use strict";
  var root = document.getElementById("screen");
  if (!root) return;
  var el = YV.el;
  var list = document.getElementById("screen-ideas");

  function itemFor(idea) {
    var li = list.querySelector('[data-idea-id="' + idea.id + '"]');
    if (!li) {
      li = el("li", { className: "screen-idea", dataset: { ideaId: idea.id } }, [
        el("span", { className: "screen-idea-text" }),
        el("span", { className: "screen-bar-track" }, [el("span", { className: "screen-bar" })]),
        el("span", { className: "screen-votes" })]);
    }
    return li;
  }

  function show(state) {
    document.getElementById("screen-joined").textContent = String(state.joined);
    document.getElementById("screen-code").textContent = state.code;
    document.getElementById("screen-stage").textContent = state.prompt ? state.prompt.stage_label : "";
    document.getElementById("screen-prompt").textContent = state.prompt ? state.prompt.text : "Waiting for the first question\u2026";
    var max = Math.max.apply(null, [1].concat(state.ideas.map(function (i) { return i.votes; })));
    var keep = {};
    state.ideas.forEach(function (idea, index) {
      var li = itemFor(idea);
      keep[idea.id] = true;
      li.querySelector(".screen-idea-text").textContent = idea.text;
      li.querySelector(".screen-votes").textContent = idea.votes + (idea.votes === 1 ? " vote" : " votes");
      li.querySelector(".screen-bar").style.width = Math.round((idea.votes / max) * 100) + "%";
      if (list.children[index] !== li) list.insertBefore(li, list.children[index] || null);
    });
    Array.prototype.slice.call(list.children).forEach(function (li) { if (!keep[li.dataset.ideaId]) list.removeChild(li); });
    document.getElementById("screen-empty").hidden = state.ideas.length > 0;
  }

  YV.connect({ event: root.dataset.code, view: "screen" }, { screen_state: show },
             document.getElementById("live-status"));
})();
