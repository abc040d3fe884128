// Faultline pages work without JavaScript; this only adds the Copy button of the personal-token page.
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
