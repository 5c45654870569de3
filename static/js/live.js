/* Shared helpers for the live pages: safe element building, CSRF-protected POSTs, the socket. */
(function () {
  "use strict";
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrfToken = csrfMeta ? csrfMeta.content : "";

  /* Build an element. Text always goes in with textContent, never innerHTML. */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "className") node.className = value;
      else if (key === "dataset") Object.keys(value).forEach(function (k) { node.dataset[k] = value[k]; });
      else node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* POST a form (FormData or plain object) as the page's fetch(); resolves to {ok, status, body}. */
  function post(url, data) {
    var body = data instanceof FormData ? data : new URLSearchParams(data || {});
    if (!(data instanceof FormData)) body.append("csrf_token", csrfToken);
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrfToken }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { ok: response.ok, status: response.status, body: json };
      });
    }, function () {
      return { ok: false, status: 0, body: { error: "No connection. Check the Wi-Fi and try again." } };
    });
  }

  /* Connect with {event, view}; the server answers with a snapshot on every (re)connect. */
  function connect(auth, handlers, statusNode) {
    var socket = io({ auth: auth, reconnectionDelayMax: 5000 });
    function say(text) { if (statusNode) statusNode.textContent = text; }
    socket.on("connect", function () {
      say("Live");
      document.body.dataset.live = "on";
      document.body.dataset.transport = socket.io.engine.transport.name;
      socket.io.engine.on("upgrade", function (t) { document.body.dataset.transport = t.name; });
    });
    socket.on("disconnect", function () { say("Reconnecting\u2026"); document.body.dataset.live = "off"; });
    socket.on("connect_error", function (err) {
      say(socket.active ? "Reconnecting\u2026" : "Could not connect (" + err.message + "). Reload the page.");
    });
    Object.keys(handlers).forEach(function (name) { socket.on(name, handlers[name]); });
    return socket;
  }

  /* Run fn at most once per 50 ms, however many updates arrive (timers, not animation
     frames, so a dashboard in a background tab stays current). */
  function batched(fn) {
    var queued = false;
    return function () {
      if (queued) return;
      queued = true;
      window.setTimeout(function () { queued = false; fn(); }, 50);
    };
  }

  window.YV = { el: el, post: post, connect: connect, batched: batched, csrfToken: csrfToken };
})();
