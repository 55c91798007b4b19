/**
 * The UI's progressive enhancement, inlined under the CSP nonce. Every page
 * works without it; with it:
 * - `data-validate-matchers="silence|filter"` fields are checked as you type
 *   (debounced) by GET /ui/api/validate-matchers, the server's own parser and
 *   silence rules; the message goes to the element named by `data-error`,
 *   and the field is marked invalid so the form is not sent;
 * - `<time data-local>` shows the time in the browser's zone (UTC in the title);
 * - `data-remember="key"` fields keep their last value in localStorage
 *   ("Created by").
 */
export const SCRIPT = `
(function () {
  'use strict';
  function validator(field) {
    var kind = field.getAttribute('data-validate-matchers');
    var out = document.getElementById(field.getAttribute('data-error') || '');
    var timer = 0, seq = 0;
    function show(message) {
      field.setCustomValidity(message);
      field.setAttribute('aria-invalid', message ? 'true' : 'false');
      if (out) out.textContent = message;
    }
    function check() {
      var mine = ++seq;
      var url = '/ui/api/validate-matchers?kind=' + encodeURIComponent(kind) + '&matchers=' + encodeURIComponent(field.value);
      fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (res) { return res.json(); })
        .then(function (body) { if (mine === seq) show(body.ok ? '' : String(body.error)); })
        .catch(function () { if (mine === seq) show(''); });
    }
    field.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(check, 300);
    });
  }
  document.querySelectorAll('[data-validate-matchers]').forEach(validator);
  document.querySelectorAll('time[data-local]').forEach(function (el) {
    var at = new Date(el.getAttribute('datetime'));
    if (isNaN(at.getTime())) return;
    el.title = el.textContent;
    el.textContent = at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  });
  document.querySelectorAll('[data-remember]').forEach(function (field) {
    var key = 'edgealert.' + field.getAttribute('data-remember');
    try {
      if (!field.value) field.value = localStorage.getItem(key) || '';
      field.form && field.form.addEventListener('submit', function () { localStorage.setItem(key, field.value); });
    } catch (e) { /* storage disabled */ }
  });
})();
`;
