/* The facilitator's dashboard: live stats, moderation queue, ranked ideas, questions. */
(function () {
  "use strict";
  var root = document.getElementById("dashboard");
  if (!root) return;
  var el = YV.el;
  var base = root.dataset.base;
  var state = { prompts: [], settings: {}, ideas: {}, stats: null };
  var messageNode = document.getElementById("action-message");
  var STAGES = { issues: "Identifying the issues", solutions: "How we could address them" };

  function say(text, isError) {
    messageNode.textContent = text;
    messageNode.className = "action-message notice " + (isError ? "notice-error" : "notice-success");
  }

  function act(url, data) {
    return YV.post(base + url, data).then(function (res) {
      say(res.ok ? (res.body.message || "Done.") : (res.body.error || "That did not work."), !res.ok);
      if (res.ok && res.body.idea) { state.ideas[res.body.idea.id] = res.body.idea; render(); }
      return res;
    });
  }

  function ideasWith(status) {
    return Object.keys(state.ideas).map(function (id) { return state.ideas[id]; })
      .filter(function (i) { return i.status === status; });
  }

  function promptLabel(promptId) {
    var p = state.prompts.filter(function (x) { return x.id === promptId; })[0];
    return p ? p.text : "";
  }

  function button(label, handler, extra) {
    var b = el("button", Object.assign({ type: "button", className: "button button-small", text: label }, extra || {}));
    b.addEventListener("click", handler);
    return b;
  }

  function concernButton(idea) {
    return button("Safeguarding concern", function () {
      if (window.confirm("Send this to the safeguarding lead? It will be removed from every list.")) {
        act("/ideas/" + idea.id + "/concern").then(function (res) {
          if (res.ok) { delete state.ideas[idea.id]; render(); }
        });
      }
    }, { className: "button button-small button-concern" });
  }

  function renderQueue() {
    var queue = ideasWith("pending").sort(function (a, b) { return a.id - b.id; });
    var list = document.getElementById("queue");
    var hadFocus = list.contains(document.activeElement);
    var focusedId = hadFocus ? targetIdea() : null;
    var oldIndex = hadFocus ? Array.prototype.indexOf.call(list.children, document.activeElement.closest(".queue-item")) : -1;
    list.textContent = "";
    queue.forEach(function (idea) {
      var li = el("li", { className: "queue-item", tabindex: "0", dataset: { ideaId: idea.id } }, [
        el("p", { className: "idea-text", text: idea.text }),
        el("p", { className: "meta", text: idea.school + " \u00B7 " + promptLabel(idea.prompt_id) }),
        idea.flags.length ? el("p", { className: "flags", text: "Flagged: " + idea.reasons.join(", ") }) : null,
        el("div", { className: "actions" }, [
          button("Approve", function () { act("/ideas/" + idea.id + "/approve"); }, { className: "button button-small button-primary" }),
          button("Hide", function () { act("/ideas/" + idea.id + "/hide"); }),
          concernButton(idea)])
      ]);
      list.appendChild(li);
    });
    document.getElementById("queue-count").textContent = String(queue.length);
    document.getElementById("queue-empty").hidden = queue.length > 0;
    if (hadFocus && list.children.length) {
      var same = list.querySelector('[data-idea-id="' + focusedId + '"]');
      (same || list.children[Math.min(Math.max(oldIndex, 0), list.children.length - 1)]).focus();
    }
  }

  /* The idea the keyboard is on: always read from the focused element, never remembered. */
  function targetIdea() {
    var item = document.activeElement && document.activeElement.closest && document.activeElement.closest("#queue [data-idea-id]");
    return item ? Number(item.dataset.ideaId) : null;
  }

  function focusQueueItem(step) {
    var items = Array.prototype.slice.call(document.querySelectorAll("#queue .queue-item"));
    if (!items.length) return;
    var current = document.activeElement && document.activeElement.closest(".queue-item");
    var index = items.indexOf(current);
    index = index < 0 ? 0 : Math.min(items.length - 1, Math.max(0, index + step));
    items[index].focus();
  }

  function renderRanked() {
    var container = document.getElementById("ranked");
    container.textContent = "";
    var approved = ideasWith("approved");
    state.prompts.forEach(function (prompt) {
      var ideas = approved.filter(function (i) { return i.prompt_id === prompt.id; })
        .sort(function (a, b) { return b.votes - a.votes || a.id - b.id; });
      var list = el("ol", { className: "ranked-list" });
      ideas.forEach(function (idea) {
        list.appendChild(el("li", { className: "ranked-item" + (idea.pinned ? " pinned" : ""), dataset: { ideaId: idea.id } }, [
          el("span", { className: "ranked-votes", text: String(idea.votes) }),
          el("span", { className: "idea-text", text: idea.text }),
          el("span", { className: "meta", text: idea.school }),
          el("span", { className: "actions" }, [
            button(idea.pinned ? "Unpin" : "Pin", function () { act("/ideas/" + idea.id + (idea.pinned ? "/unpin" : "/pin")); },
              { "aria-pressed": idea.pinned ? "true" : "false" }),
            button("Hide", function () { act("/ideas/" + idea.id + "/hide"); }),
            concernButton(idea)])
        ]));
      });
      container.appendChild(el("section", { className: "ranked-prompt" }, [
        el("h3", { text: prompt.text }),
        ideas.length ? list : el("p", { className: "empty", text: "No approved ideas yet." })]));
    });
  }

  function renderHidden() {
    var list = document.getElementById("hidden");
    list.textContent = "";
    ideasWith("hidden").forEach(function (idea) {
      list.appendChild(el("li", {}, [el("span", { className: "idea-text", text: idea.text + " " }),
        button("Approve", function () { act("/ideas/" + idea.id + "/approve"); })]));
    });
    if (!list.children.length) list.appendChild(el("li", { className: "empty", text: "None." }));
  }

  function editForm(prompt, li) {
    var form = el("form", { className: "stack edit-prompt" }, [
      el("label", { "for": "edit-stage-" + prompt.id, text: "Stage" }),
      el("select", { id: "edit-stage-" + prompt.id, name: "stage" }, Object.keys(STAGES).map(function (k) {
        return el("option", { value: k, selected: k === prompt.stage, text: STAGES[k] }); })),
      el("label", { "for": "edit-text-" + prompt.id, text: "Question" }),
      el("input", { id: "edit-text-" + prompt.id, name: "text", value: prompt.text, maxlength: "200", required: true }),
      el("button", { type: "submit", className: "button button-small", text: "Save" }),
      el("button", { type: "button", className: "button button-small button-quiet cancel-edit", text: "Cancel" })]);
    form.querySelector(".cancel-edit").addEventListener("click", function () { form.remove(); render(); });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      act("/prompts/" + prompt.id, { stage: form.stage.value, text: form.text.value }).then(function (res) {
        if (res.ok) { form.remove(); render(); }
      });
    });
    li.appendChild(form);
    form.querySelector("input").focus();
  }

  function renderPrompts() {
    var list = document.getElementById("prompt-list");
    if (list.querySelector("form.edit-prompt")) return; // never wipe a question being edited
    list.textContent = "";
    var perPrompt = (state.stats && state.stats.ideas_per_prompt) || {};
    state.prompts.forEach(function (prompt) {
      var counts = perPrompt[String(prompt.id)] || {};
      var total = (counts.pending || 0) + (counts.approved || 0) + (counts.hidden || 0);
      var onScreen = state.settings.screen_prompt_id === prompt.id;
      var li = el("li", { className: "prompt-item" + (prompt.is_open ? " is-open" : ""), dataset: { promptId: prompt.id } }, [
        el("p", { className: "stage", text: prompt.stage_label }),
        el("p", { className: "prompt-text", text: prompt.text }),
        el("p", { className: "meta", text: (prompt.is_open ? "Open" : "Closed") + " \u00B7 " + total + " ideas" + (onScreen ? " \u00B7 on the big screen" : "") })
      ]);
      var actions = el("div", { className: "actions" }, [
        button(prompt.is_open ? "Close" : "Open", function () { act("/prompts/" + prompt.id + (prompt.is_open ? "/close" : "/open")); },
          { className: "button button-small" + (prompt.is_open ? "" : " button-primary") }),
        button("Show on screen", function () { act("/prompts/" + prompt.id + "/screen"); }, { disabled: onScreen }),
        button("\u2191", function () { act("/prompts/" + prompt.id + "/up"); }, { "aria-label": "Move up" }),
        button("\u2193", function () { act("/prompts/" + prompt.id + "/down"); }, { "aria-label": "Move down" }),
        button("Edit", function () { if (!li.querySelector("form")) editForm(prompt, li); })]);
      li.appendChild(actions);
      list.appendChild(li);
    });
  }

  function renderStats() {
    var s = state.stats;
    if (!s) return;
    var ideas = 0;
    Object.keys(s.ideas_per_prompt).forEach(function (k) {
      var c = s.ideas_per_prompt[k]; ideas += (c.pending || 0) + (c.approved || 0) + (c.hidden || 0);
    });
    document.getElementById("stat-joined").textContent = String(s.joined);
    document.getElementById("stat-ideas").textContent = String(ideas);
    document.getElementById("stat-pending").textContent = String(ideasWith("pending").length);
    document.getElementById("stat-votes").textContent = String(s.votes);
    var lead = document.getElementById("lead-status");
    var sg = s.safeguarding || { leads: 0, online: 0 };
    if (!sg.leads) {
      lead.className = "notice notice-error";
      lead.textContent = "No safeguarding lead is attached to this event. Add one on the \u201cStaff, privacy and export\u201d page before pupils join.";
    } else if (!sg.online) {
      lead.className = "notice notice-warn";
      lead.textContent = "No safeguarding lead has the safeguarding view open right now. Possible disclosures wait there for them.";
    } else {
      lead.className = "notice notice-success";
      lead.textContent = "Safeguarding lead online.";
    }
    var list = document.getElementById("stat-schools");
    list.textContent = "";
    s.schools.forEach(function (school) {
      list.appendChild(el("li", {}, [el("strong", { text: String(school.pupils) }), " " + school.name]));
    });
  }

  /* Re-rendering replaces nodes: remember which button had focus and give it back. */
  function focusKey() {
    var a = document.activeElement;
    var item = a && a.closest && a.closest("[data-idea-id], [data-prompt-id]");
    if (!item || a.tagName !== "BUTTON") return null;
    return { idea: item.dataset.ideaId, prompt: item.dataset.promptId, label: a.textContent };
  }

  function restoreFocus(key) {
    if (!key) return;
    var selector = key.idea ? '[data-idea-id="' + key.idea + '"]' : '[data-prompt-id="' + key.prompt + '"]';
    var item = document.querySelector(selector);
    if (!item) return;
    var match = Array.prototype.filter.call(item.querySelectorAll("button"), function (b) { return b.textContent === key.label; })[0];
    (match || item.querySelector("button") || item).focus();
  }

  var render = YV.batched(function () {
    var key = focusKey();
    renderStats(); renderQueue(); renderRanked(); renderHidden(); renderPrompts();
    restoreFocus(key);
  });

  YV.connect({ event: root.dataset.code, view: "dashboard" }, {
    snapshot: function (s) {
      state.prompts = s.prompts; state.settings = s.settings; state.stats = s.stats; state.ideas = {};
      s.queue.concat(s.approved, s.hidden).forEach(function (i) { state.ideas[i.id] = i; });
      render();
    },
    idea_new: function (idea) { state.ideas[idea.id] = idea; render(); },
    idea_updated: function (idea) { state.ideas[idea.id] = idea; render(); },
    idea_removed: function (p) { delete state.ideas[p.id]; render(); },
    prompts: function (p) { state.prompts = p.prompts; state.settings = p.settings; render(); },
    settings: function (s) { state.settings = s; render(); },
    stats: function (s) { state.stats = s; render(); },
    counts: function (p) {
      Object.keys(p.counts).forEach(function (id) { if (state.ideas[id]) state.ideas[id].votes = p.counts[id]; });
      render();
    }
  }, document.getElementById("live-status"));

  document.getElementById("add-prompt").addEventListener("submit", function (e) {
    e.preventDefault();
    var form = e.target;
    YV.post(form.getAttribute("action"), new FormData(form)).then(function (res) {
      if (res.ok) form.querySelector("input[name=text]").value = "";
      say(res.ok ? res.body.message : (res.body.error || "Could not add the question."), !res.ok);
    });
  });

  document.addEventListener("keydown", function (e) {
    if (!e.target.closest || !e.target.closest("#queue")) return;
    if (e.key === "j" || e.key === "ArrowDown") { focusQueueItem(1); e.preventDefault(); }
    else if (e.key === "k" || e.key === "ArrowUp") { focusQueueItem(-1); e.preventDefault(); }
    else if (e.key === "s" && targetIdea() !== null) {
      var item = state.ideas[targetIdea()];
      if (item) concernButton(item).click();
      e.preventDefault();
    }
    else if ((e.key === "a" || e.key === "h") && targetIdea() !== null) {
      act("/ideas/" + targetIdea() + (e.key === "a" ? "/approve" : "/hide"));
      e.preventDefault();
    }
  });
})();
