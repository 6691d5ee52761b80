// The proposal page without surprises: counterpart fields off while docking is asked for, files checked
// for size and number before a long upload. The server checks everything again; this only saves time.
(function () {
  var docking = document.getElementById('dockingRequested');
  var counterpart = ['counterpartName', 'counterpartKind', 'counterpartEmail'];
  function syncDocking() {
    counterpart.forEach(function (id) {
      var input = document.getElementById(id);
      if (input) { input.disabled = docking.checked; }
    });
  }
  if (docking) { docking.addEventListener('change', syncDocking); syncDocking(); }

  var files = document.getElementById('attachments');
  if (files) {
    files.addEventListener('change', function () {
      var max = Number(files.dataset.maxBytes), maxFiles = Number(files.dataset.maxFiles), problems = [];
      if (files.files.length > maxFiles) { problems.push(files.dataset.tooMany); }
      Array.prototype.forEach.call(files.files, function (file) {
        if (file.size > max) { problems.push(files.dataset.tooLarge + ' ' + file.name); }
      });
      files.setCustomValidity(problems.join(' '));
      files.reportValidity();
    });
  }
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
})();
