/* The 'talk to someone' form: sent online only, cleared at once, nothing kept on the phone. */
(function () {
  "use strict";
  var form = document.getElementById("help-form");
  if (!form) return;
  var result = document.getElementById("help-result");
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    YV.post(form.getAttribute("action"), new FormData(form)).then(function (res) {
      button.disabled = false;
      if (res.ok) form.reset();
      result.className = res.ok ? "notice notice-success" : "notice notice-error";
      result.textContent = res.ok ? res.body.message : (res.body.error || "It did not send. Check the Wi-Fi and try again.");
    });
  });
})();
