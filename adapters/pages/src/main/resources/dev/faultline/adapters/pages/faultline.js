// Faultline pages work without JavaScript; this only adds the Copy button of the personal-token page and hides
// the token again when the browser brings the page back from its back/forward cache.
(function () {
  'use strict';

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function say(button, text) {
    var status = button.parentNode.querySelector('[role=status]');
    if (status) {
      status.textContent = text;
    }
  }

  // A page restored from the back/forward cache is not fetched again, despite Cache-Control: no-store in some
  // browsers; a personal token must not reappear that way.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) {
      return;
    }
    document.querySelectorAll('[data-secret]').forEach(function (node) {
      node.textContent = 'Hidden. Faultline shows a token only once; revoke it and create a new one if you need it.';
    });
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      button.hidden = true;
    });
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      var source = document.getElementById(button.getAttribute('data-copy'));
      if (!source) {
        return;
      }
      button.hidden = false;
      button.addEventListener('click', function () {
        var text = source.textContent;
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(function () {
            say(button, 'Copied to the clipboard.');
          }, function () {
            select(source);
            say(button, 'Selected: press Ctrl+C (or Cmd+C) to copy.');
          });
        } else {
          select(source);
          say(button, 'Selected: press Ctrl+C (or Cmd+C) to copy.');
        }
      });
    });
  });
}());
