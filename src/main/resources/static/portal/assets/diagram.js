// Draws the proposal's process with bpmn-js (served by this application, see /portal/vendor/bpmn-js)
// and highlights the step it stands at.
(function () {
  var container = document.getElementById('diagram');
  if (!container || typeof BpmnJS === 'undefined') { return; }
  var viewer = new BpmnJS({ container: container });
  fetch(container.dataset.xml, { credentials: 'same-origin' })
    .then(function (response) { return response.text(); })
    .then(function (xml) { return viewer.importXML(xml); })
    .then(function () {
      var canvas = viewer.get('canvas');
      canvas.zoom('fit-viewport');
      (container.dataset.current || '').split(',').filter(Boolean).forEach(function (id) {
        try { canvas.addMarker(id, 'current-step'); } catch (unknownElement) { /* an older model */ }
      });
      container.dataset.rendered = 'true';
    })
    .catch(function (error) { container.dataset.rendered = 'failed'; console.error(error); });
})();
