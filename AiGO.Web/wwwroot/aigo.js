// Small helpers called from components.
window.aigo = {
  submitForm: function (id) {
    const form = document.getElementById(id);
    if (form) form.requestSubmit();
  },

  // The idle limit counts input in an open page: report it to the circuit at most once per everyMs.
  watchers: {},
  nextWatcher: 1,
  watchInput: function (dotnet, everyMs) {
    let last = 0;
    const onInput = function () {
      const now = Date.now();
      if (now - last < everyMs) return;
      last = now;
      dotnet.invokeMethodAsync('Active').catch(function () { });
    };
    const kinds = ['keydown', 'pointerdown', 'wheel', 'touchstart'];
    kinds.forEach(function (k) { document.addEventListener(k, onInput, { capture: true, passive: true }); });
    const id = window.aigo.nextWatcher++;
    window.aigo.watchers[id] = function () {
      kinds.forEach(function (k) { document.removeEventListener(k, onInput, { capture: true }); });
    };
    return id;
  },
  unwatchInput: function (id) {
    const stop = window.aigo.watchers[id];
    if (stop) { stop(); delete window.aigo.watchers[id]; }
  }
};
