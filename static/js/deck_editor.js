/* The presentation editor: the running total of visible slides' seconds, against ten minutes. */
(function () {
  "use strict";
  var form = document.getElementById("deck-editor");
  var totalNode = document.getElementById("deck-total");
  if (!form || !totalNode) return;
  var budget = Number(totalNode.dataset.budget);

  function update() {
    var seconds = 0;
    form.querySelectorAll(".deck-edit").forEach(function (slide) {
      var hidden = slide.querySelector(".deck-hidden");
      if (hidden && hidden.checked) return;
      seconds += Number(slide.querySelector(".deck-seconds").value) || 0;
    });
    var text = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
    totalNode.className = "notice " + (seconds > budget ? "notice-error" : "notice-success");
    totalNode.textContent = "Visible slides take " + text + " of 10:00." +
      (seconds > budget ? " Over the ten minutes: shorten or hide a slide." : "");
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
})();
