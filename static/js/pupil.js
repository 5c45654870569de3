/* The pupil's phone: live prompts and ideas, in-place submit and vote. Works from a server-rendered page. */
(function () {
  "use strict";
  var root = document.getElementById("pupil-app");
  if (!root) return;
  var el = YV.el;
  var code = root.dataset.code;
  var statusNode = document.getElementById("live-status");
  var promptsNode = document.getElementById("prompts");
  var state = { prompts: [], ideas: {}, mine: {}, voted: {}, sort: root.dataset.sort || "votes", ready: false };

  function voteUrl(id) { return root.dataset.voteUrl.replace(/\/0\/vote$/, "/" + id + "/vote"); }

  function ideaNode(idea) {
    var li = el("li", { className: "idea", id: "idea-" + idea.id, dataset: { ideaId: idea.id } });
    li.appendChild(el("p", { className: "idea-text", text: idea.text }));
    return li;
  }

  function fillIdea(li, idea) {
    var mine = state.mine[idea.id];
    var status = mine ? mine.status : "approved";
    var reach = mine ? (mine.in_presentation ? "in the presentation" : mine.on_screen ? "on the big screen" : "shown to everyone") : "";
    var key = status + ":" + !!state.voted[idea.id] + ":" + reach;
    if (li.dataset.state === key && li.querySelector(".vote-count")) {
      li.querySelector(".vote-count").textContent = String(idea.votes);  // a count tick: touch only the number
      return;
    }
    li.dataset.state = key;
    li.className = "idea" + (status !== "approved" ? " idea-mine-pending" : "");
    Array.prototype.slice.call(li.children, 1).forEach(function (c) { li.removeChild(c); });
    if (status === "pending") {
      li.appendChild(el("p", { className: "idea-status", text: "Your idea: waiting for approval" }));
      return;
    }
    if (status === "hidden") {
      li.appendChild(el("p", { className: "idea-status", text: "Your idea: not shown to everyone" }));
      return;
    }
    var voted = !!state.voted[idea.id];
    var form = el("form", { method: "post", className: "vote-form", action: voteUrl(idea.id) }, [
      el("input", { type: "hidden", name: "csrf_token", value: YV.csrfToken }),
      el("input", { type: "hidden", name: "action", value: voted ? "unvote" : "vote" }),
      el("button", { type: "submit", className: "vote-button", "aria-pressed": voted ? "true" : "false" }, [
        el("span", { "aria-hidden": "true", text: "\u25B2" }),
        el("span", { className: "vote-count", text: String(idea.votes) }),
        el("span", { className: "visually-hidden", text: voted ? " votes. You voted for this; tap to take your vote back" : " votes. Tap to vote" })
      ])
    ]);
    li.appendChild(form);
    if (mine) li.appendChild(el("p", { className: "idea-status", text: "Your idea: " + reach }));
  }

  function ideasFor(promptId) {
    var own = Object.keys(state.mine).map(function (id) { return state.mine[id]; })
      .filter(function (i) { return i.prompt_id === promptId && i.status !== "approved"; });
    var shown = Object.keys(state.ideas).map(function (id) { return state.ideas[id]; })
      .filter(function (i) { return i.prompt_id === promptId; });
    shown.sort(state.sort === "new"
      ? function (a, b) { return b.id - a.id; }
      : function (a, b) { return b.votes - a.votes || a.id - b.id; });
    return own.sort(function (a, b) { return b.id - a.id; }).concat(shown);
  }

  function formFor(prompt) {
    var id = "idea-text-" + prompt.id;
    return el("form", { method: "post", action: root.dataset.submitUrl, className: "idea-form stack" }, [
      el("input", { type: "hidden", name: "csrf_token", value: YV.csrfToken }),
      el("input", { type: "hidden", name: "prompt_id", value: String(prompt.id) }),
      el("label", { "for": id, text: "Your idea" }),
      el("textarea", { id: id, name: "text", rows: "3", required: true, "aria-describedby": "idea-hint-" + prompt.id }),
      el("p", { className: "hint", id: "idea-hint-" + prompt.id, text: "Up to 280 characters. No names, numbers or addresses." }),
      el("button", { type: "submit", className: "button button-primary", text: "Send idea" })
    ]);
  }

  function sectionFor(prompt) {
    var section = document.getElementById("prompt-" + prompt.id);
    if (!section) {
      section = el("section", { className: "prompt card", id: "prompt-" + prompt.id, "aria-labelledby": "prompt-title-" + prompt.id }, [
        el("p", { className: "stage" }), el("h2", { id: "prompt-title-" + prompt.id }), formFor(prompt),
        el("h3", { className: "ideas-heading", text: "Ideas so far" }), el("ul", { className: "ideas" }),
        el("p", { className: "empty", text: "No ideas shown yet. Be the first!" })
      ]);
    }
    section.querySelector(".stage").textContent = prompt.stage_label;
    section.querySelector("h2").textContent = prompt.text;
    if (!section.querySelector(".empty")) section.appendChild(el("p", { className: "empty", text: "No ideas shown yet. Be the first!" }));
    return section;
  }

  function renderIdeas(section, promptId) {
    var list = section.querySelector("ul.ideas");
    var existing = {};
    Array.prototype.forEach.call(list.children, function (li) { existing[li.dataset.ideaId] = li; });
    var wanted = ideasFor(promptId);
    wanted.forEach(function (idea, index) {
      var li = existing[idea.id] || ideaNode(idea);
      delete existing[idea.id];
      fillIdea(li, idea);
      if (list.children[index] !== li) list.insertBefore(li, list.children[index] || null);
    });
    Object.keys(existing).forEach(function (id) { list.removeChild(existing[id]); });
    section.querySelector(".empty").hidden = wanted.length > 0;
  }

  var render = YV.batched(function () {
    var waiting = document.getElementById("waiting-card");
    var seen = {};
    state.prompts.forEach(function (prompt, index) {
      var section = sectionFor(prompt);
      seen[section.id] = true;
      if (promptsNode.children[index] !== section) promptsNode.insertBefore(section, promptsNode.children[index] || null);
      renderIdeas(section, prompt.id);
    });
    Array.prototype.slice.call(promptsNode.children).forEach(function (child) {
      if (!seen[child.id] && child.id !== "waiting-card") promptsNode.removeChild(child);
    });
    if (!state.prompts.length && !waiting) {
      promptsNode.appendChild(el("section", { className: "card waiting", id: "waiting-card" }, [
        el("h2", { text: "Nothing open yet" }),
        el("p", { text: "The facilitator will open a question soon. This page updates by itself." })]));
    } else if (state.prompts.length && waiting) {
      promptsNode.removeChild(waiting);
    }
  });

  function byId(list) { var map = {}; list.forEach(function (i) { map[i.id] = i; }); return map; }

  var socket = YV.connect({ event: code, view: "pupil" }, {
    snapshot: function (s) {
      state.prompts = s.prompts; state.ideas = byId(s.ideas); state.mine = byId(s.mine);
      state.voted = {}; s.voted.forEach(function (id) { state.voted[id] = true; });
      render();
    },
    prompts: function (p) { state.prompts = p.prompts; state.ideas = byId(p.ideas); render(); },
    idea_shown: function (idea) { state.ideas[idea.id] = idea; render(); },
    idea_removed: function (p) { delete state.ideas[p.id]; render(); },
    my_idea: function (idea) { state.mine[idea.id] = idea; render(); },
    my_idea_removed: function (p) { delete state.mine[p.id]; delete state.ideas[p.id]; render(); },
    counts: function (p) {
      Object.keys(p.counts).forEach(function (id) { if (state.ideas[id]) state.ideas[id].votes = p.counts[id]; });
      render();
    },
    settings: function (s) {
      if (!s.is_open) statusNode.textContent = "This event has closed. Thank you for taking part! See your three tasks back at school below.";
    }
  }, statusNode);

  function showFormMessage(form, text, isError) {
    var node = form.querySelector(".form-message");
    if (!node) { node = el("p", { className: "form-message" }); form.appendChild(node); }
    node.className = "form-message " + (isError ? "notice notice-error" : "notice notice-success");
    node.setAttribute("role", isError ? "alert" : "status");
    node.textContent = text;
  }

  /* After a possible disclosure: a calm, honest message and the way to the help panel. */
  function showCalmMessage(form, body) {
    var old = form.querySelector(".form-message");
    if (old) old.remove();
    var panel = el("div", { className: "form-message calm notice", role: "status", tabindex: "-1" }, [
      el("p", { text: body.message }),
      el("p", {}, [el("a", { className: "button button-primary", href: body.help_url, text: "See who you can talk to" })])]);
    form.appendChild(panel);
    panel.focus();
  }

  promptsNode.addEventListener("submit", function (e) {
    var form = e.target;
    if (!socket.connected && !window.fetch) return; // let the plain form post
    e.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button.disabled) return;
    button.disabled = true;
    var data = new FormData(form);
    YV.post(form.getAttribute("action"), data).then(function (res) {
      button.disabled = false;
      if (form.classList.contains("idea-form")) {
        if (res.ok && res.body.safeguarding) {
          form.querySelector("textarea").value = "";
          showCalmMessage(form, res.body);
          return;
        }
        if (res.ok) {
          form.querySelector("textarea").value = "";
          state.mine[res.body.idea.id] = res.body.idea;
          if (res.body.idea.status === "approved" && !state.ideas[res.body.idea.id]) state.ideas[res.body.idea.id] = res.body.idea;
          render();
        }
        showFormMessage(form, res.ok ? res.body.message : (res.body.error || "Something went wrong. Try again."), !res.ok);
      } else if (res.ok) {
        state.voted[res.body.idea_id] = res.body.voted;
        if (!res.body.voted) delete state.voted[res.body.idea_id];
        if (state.ideas[res.body.idea_id]) state.ideas[res.body.idea_id].votes = res.body.votes;
        render();
      } else {
        statusNode.textContent = res.body.error || "That vote did not go through. Try again.";
      }
    });
  });

  document.querySelectorAll(".sort-toggle a").forEach(function (link) {
    link.addEventListener("click", function (e) {
      e.preventDefault();
      state.sort = link.dataset.sort;
      document.querySelectorAll(".sort-toggle a").forEach(function (a) {
        a.classList.toggle("active", a === link);
        if (a === link) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current");
      });
      history.replaceState(null, "", "?sort=" + state.sort);
      render();
    });
  });
})();
