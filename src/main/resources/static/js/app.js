// Sends the page's CSRF token with every htmx request (forms carry it as a hidden field already).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A form with data-confirm asks before it does what cannot be undone (作废, 退还).
document.addEventListener('submit', function (event) {
  var text = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (text && !window.confirm(text)) {
    event.preventDefault();
  }
});

// 存在的问题 / 有关建议: choosing the section puts the year's draft (from its deductions and findings) into the
// text box to edit, unless something else has been typed there.
document.addEventListener('change', function (event) {
  var select = event.target;
  if (!select.matches || !select.matches('#narrative-form select[name=section]')) {
    return;
  }
  var box = select.form.querySelector('textarea[name=text]');
  var draft = box.getAttribute('data-draft-' + select.value);
  var untouched = box.value === '' || box.value === box.getAttribute('data-filled');
  if (untouched) {
    box.value = draft || '';
    box.setAttribute('data-filled', box.value);
  }
});

// The side menu folds behind a button on a phone.
document.addEventListener('click', function (event) {
  var toggle = event.target.closest && event.target.closest('#menu-toggle');
  if (!toggle) {
    return;
  }
  var shell = document.getElementById('shell');
  var open = shell.classList.toggle('open');
  toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
});

// Charts follow the width of their box when the window changes (a phone turned sideways).
window.addEventListener('resize', function () {
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('.chart').forEach(function (el) {
    var chart = window.echarts.getInstanceByDom(el);
    if (chart) {
      chart.resize();
    }
  });
});
