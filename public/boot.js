// Starts the app. Kept as a file (not an inline script) so the Content-Security-Policy needs
// no hash. Everything here runs before the wasm loads, so its few messages carry their own
// translations; every other string lives in the app's i18n layer.
(function () {
  "use strict";
  var dutch = (navigator.language || "").toLowerCase().indexOf("nl") === 0;
  var text = dutch ? {
    loading: "Clientele wordt geladen…",
    noWasm: "Deze browser kan Clientele niet uitvoeren: WebAssembly ontbreekt of is uitgeschakeld. Gebruik een recente versie van Firefox, Chrome, Edge of Safari, of vraag uw beheerder WebAssembly toe te staan.",
    noSimd: "Deze browser is te oud voor Clientele: hij mist WebAssembly SIMD. Gebruik een recente versie van Firefox, Chrome, Edge of Safari (16.4 of nieuwer).",
    noStorage: "De opslag van deze browser is uitgeschakeld (bijvoorbeeld door privé-vensters of een beleid). Clientele werkt, maar kan uw gegevens niet bewaren: na herladen moet u ze opnieuw importeren.",
    failed: "Clientele kon niet starten: ",
    fatalTitle: "Er ging iets mis",
    fatalText: "Clientele is gestopt om uw gegevens te beschermen. Uw opgeslagen werkruimte is niet gewijzigd. Herlaad de pagina om verder te gaan.",
    reload: "Pagina herladen"
  } : {
    loading: "Loading Clientele…",
    noWasm: "This browser cannot run Clientele: WebAssembly is missing or disabled. Use a current version of Firefox, Chrome, Edge or Safari, or ask your administrator to allow WebAssembly.",
    noSimd: "This browser is too old for Clientele: it lacks WebAssembly SIMD. Use a current version of Firefox, Chrome, Edge or Safari (16.4 or later).",
    noStorage: "This browser's storage is disabled (private windows or a policy can do that). Clientele works, but cannot keep your data: after a reload you will need to import it again.",
    failed: "Clientele could not start: ",
    fatalTitle: "Something went wrong",
    fatalText: "Clientele stopped to protect your data. Your saved workspace is untouched. Reload the page to continue.",
    reload: "Reload the page"
  };

  function byId(id) { return document.getElementById(id); }

  function problem(message) {
    var box = byId("boot");
    box.className = "boot boot-problem";
    byId("boot-message").textContent = message;
  }

  // The app is built with WebAssembly's 128-bit SIMD (.cargo/config.toml). A module of one
  // function using two SIMD instructions (i8x16.splat, i8x16.popcnt) is valid only where it is.
  function simdWorks() {
    try {
      return WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
        10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]));
    } catch (e) {
      return false;
    }
  }

  function storageWorks() {
    try {
      var probe = "clientele.probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return !!window.indexedDB;
    } catch (e) {
      return false;
    }
  }

  function prepareFatalPanel() {
    byId("fatal-title").textContent = text.fatalTitle;
    byId("fatal-text").textContent = text.fatalText;
    var reload = byId("fatal-reload");
    reload.textContent = text.reload;
    reload.addEventListener("click", function () { window.location.reload(); });
  }

  function start() {
    byId("boot-message").textContent = text.loading;
    prepareFatalPanel();
    if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
      problem(text.noWasm);
      return;
    }
    if (!simdWorks()) {
      problem(text.noSimd);
      return;
    }
    if (!storageWorks()) {
      var warning = byId("storage-warning");
      warning.textContent = text.noStorage;
      warning.hidden = false;
    }
    var tag = document.querySelector("script[data-wasm]");
    import(tag.dataset.js)
      .then(function (bindings) { return bindings.default({ module_or_path: tag.dataset.wasm }); })
      .catch(function (error) { problem(text.failed + error); });
    if ("serviceWorker" in navigator) {
      // Registered once the app has started (its worker has said what workspace it restored:
      // `ui/engine.rs` sends "clientele-started"), so that the service worker's first install,
      // which fetches every file again, does not compete with the start; at the latest a few
      // seconds after the page has loaded, should the app never start.
      var registered = false;
      var register = function () {
        if (registered) return;
        registered = true;
        navigator.serviceWorker.register("sw.js").catch(function () { /* offline use is optional */ });
      };
      window.addEventListener("clientele-started", register);
      window.addEventListener("load", function () { setTimeout(register, 5000); });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
