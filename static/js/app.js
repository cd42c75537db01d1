/*
 * Progressive enhancement for the Sanctuary Award site. Every page works without it.
 * Loaded with `defer`; no build step.
 */
(function () {
  "use strict";

  // Service navigation: collapse behind a toggle on narrow screens.
  function initServiceNavigation() {
    var toggle = document.querySelector("[data-module='sa-service-navigation'] .sa-service-navigation__toggle");
    if (!toggle) return;
    var list = document.getElementById(toggle.getAttribute("aria-controls"));
    if (!list) return;
    var narrow = window.matchMedia("(max-width: 640px)");
    function sync() {
      if (narrow.matches) {
        var open = toggle.getAttribute("aria-expanded") === "true";
        list.hidden = !open;
        toggle.hidden = false;
      } else {
        list.hidden = false;
        toggle.hidden = true;
      }
    }
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", open ? "false" : "true");
      sync();
    });
    narrow.addEventListener("change", sync);
    sync();
  }

  // Error summary: move focus to it so screen reader users hear the errors first.
  function initErrorSummary() {
    var summary = document.querySelector("[data-module='sa-error-summary']");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var input = document.getElementById(link.getAttribute("href").slice(1));
      if (!input) return;
      event.preventDefault();
      var group = input.closest(".sa-form-group, fieldset");
      var legendOrLabel = group && (group.querySelector("legend") || group.querySelector("label"));
      (legendOrLabel || input).scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  // Character count: tell people how many characters they have left, politely.
  function initCharacterCounts() {
    document.querySelectorAll("[data-module='sa-character-count']").forEach(function (wrapper) {
      var field = wrapper.querySelector("textarea, input");
      var message = wrapper.querySelector(".sa-character-count__message");
      var max = parseInt(wrapper.getAttribute("data-maxlength"), 10);
      if (!field || !message || !max) return;
      var template = message.getAttribute("data-template-remaining") || "%s characters remaining";
      var over = message.getAttribute("data-template-over") || "%s characters too many";
      function update() {
        var remaining = max - field.value.length;
        message.textContent = (remaining >= 0 ? template : over).replace("%s", Math.abs(remaining));
        message.classList.toggle("sa-error-message", remaining < 0);
        message.classList.toggle("sa-hint", remaining >= 0);
      }
      field.addEventListener("input", update);
      update();
    });
  }

  // Autosave: long answers are saved a couple of seconds after typing stops. Without
  // JavaScript the Save button does exactly the same thing.
  function initAutosave() {
    document.querySelectorAll("form[data-module='sa-autosave']").forEach(function (form) {
      var status = form.querySelector("[data-autosave-status]");
      var version = form.querySelector("input[name='version']");
      var timer = null;
      var inFlight = false;
      var conflicted = false;
      function save() {
        if (inFlight || conflicted) return;
        inFlight = true;
        var data = new FormData(form);
        fetch(form.action || window.location.href, {
          method: "POST",
          body: data,
          headers: { "X-Requested-With": "fetch" },
          credentials: "same-origin"
        }).then(function (response) {
          return response.json().then(function (body) { return { status: response.status, body: body }; });
        }).then(function (result) {
          inFlight = false;
          if (result.body.saved) {
            version.value = result.body.version;
            status.textContent = form.getAttribute("data-saved-template").replace("%s", result.body.saved_at);
          } else if (result.body.conflict) {
            conflicted = true;
            status.textContent = form.getAttribute("data-conflict-message");
            status.classList.add("sa-error-message");
          }
        }).catch(function () { inFlight = false; });
      }
      form.addEventListener("input", function (event) {
        if (event.target.tagName !== "TEXTAREA") return;
        window.clearTimeout(timer);
        timer = window.setTimeout(save, 2000);
      });
    });
  }

  // Submit once: a double click sends one request (the server is idempotent too).
  function initSubmitOnce() {
    document.querySelectorAll("form[data-module='sa-submit-once']").forEach(function (form) {
      form.addEventListener("submit", function () {
        var button = form.querySelector("button[type='submit']");
        if (button) window.setTimeout(function () { button.disabled = true; }, 0);
      });
    });
  }

  // Session timeout: warn a few minutes before the session ends, with "Stay signed in".
  function initSessionTimeout() {
    var box = document.querySelector("[data-module='sa-session-timeout']");
    if (!box) return;
    var total = parseInt(box.getAttribute("data-session-seconds"), 10) * 1000;
    var warning = parseInt(box.getAttribute("data-warning-seconds"), 10) * 1000;
    var tokenInput = document.querySelector("input[name='csrfmiddlewaretoken']");
    var timer = null;
    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        box.hidden = false;
        box.querySelector("[data-keep-alive]").focus();
      }, Math.max(total - warning, 1000));
    }
    box.querySelector("[data-keep-alive]").addEventListener("click", function () {
      fetch(box.getAttribute("data-keep-alive-url"), {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": tokenInput ? tokenInput.value : "" }
      }).then(function (response) {
        if (response.ok) { box.hidden = true; schedule(); }
      });
    });
    schedule();
  }

  // Tables: on a narrow screen each row becomes a card, each cell labelled with its column's
  // heading (CSS .sa-table--reflow), so nothing scrolls sideways. Without this script the
  // table scrolls inside its wrapper instead.
  function initTableReflow() {
    var tables = document.querySelectorAll("table.sa-table:not([data-no-reflow])");
    Array.prototype.forEach.call(tables, function (table) {
      var headings = table.querySelectorAll("thead th");
      if (!headings.length) return;
      var labels = Array.prototype.map.call(headings, function (th) {
        return th.textContent.replace(/\s+/g, " ").trim();
      });
      Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          if (labels[index] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", labels[index]);
          }
        });
      });
      table.classList.add("sa-table--reflow");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initTableReflow();
    initSessionTimeout();
    initServiceNavigation();
    initErrorSummary();
    initCharacterCounts();
    initAutosave();
    initSubmitOnce();
  });
})();
