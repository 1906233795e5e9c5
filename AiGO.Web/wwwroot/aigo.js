// Small helpers called from components.
window.aigo = {
  submitForm: function (id) {
    const form = document.getElementById(id);
    if (form) form.requestSubmit();
  }
};
