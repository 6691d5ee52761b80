// The model administration page: a thin client of /admin/api/models. Values are written with textContent only.
(function () {
  'use strict';
  const api = '/admin/api/models';

  function el(tag, text, attributes) {
    const element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    return element;
  }

  function table(headings, rows) {
    const result = el('table');
    const head = el('tr');
    headings.forEach(heading => head.appendChild(el('th', heading)));
    result.appendChild(head);
    rows.forEach(cells => {
      const row = el('tr');
      cells.forEach(cell => {
        const td = el('td');
        if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell === null || cell === undefined ? '' : String(cell);
        row.appendChild(td);
      });
      result.appendChild(row);
    });
    return result;
  }

  async function call(method, path, body) {
    const options = { method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (body instanceof FormData) options.body = body;
    else if (body !== undefined) { options.body = JSON.stringify(body); options.headers['Content-Type'] = 'application/json'; }
    const response = await fetch(api + path, options);
    const json = await response.json().catch(() => ({}));
    if (!response.ok) { const error = new Error(json.title || json.message || response.statusText); error.problem = json; throw error; }
    return json;
  }

  function show(target, content, isError) {
    target.replaceChildren();
    target.classList.toggle('error', !!isError);
    if (content instanceof Node) target.appendChild(content); else target.textContent = content;
  }

  function showProblems(target, error) {
    const box = el('div');
    box.appendChild(el('strong', error.problem && error.problem.detail ? error.problem.detail : error.message));
    const problems = (error.problem && error.problem.problems) || [];
    if (problems.length) {
      box.appendChild(table(['File', 'Line', 'Element', 'Problem'],
        problems.map(p => [p.file || '(the set)', p.line, p.element, p.message])));
    }
    show(target, box, true);
  }

  function describe(outcome) {
    if (outcome.result === 'UNCHANGED') return 'Unchanged: the newest version has these very files. Nothing was deployed.';
    if (outcome.result === 'VALID') return 'Valid: no problem found. Would deploy the set with these changed files: '
      + (outcome.changedFiles.join(', ') || 'none') + '. Nothing was deployed.';
    return 'Deployed as ' + outcome.deploymentId + ' (changed: ' + (outcome.changedFiles.join(', ') || 'none')
      + '). New versions: ' + outcome.newVersions.join(', ') + '.';
  }

  async function deploy(path, body, target) {
    show(target, 'Working…');
    try {
      show(target, describe(await call('POST', path, body)));
      load();
    } catch (error) { showProblems(target, error); }
  }

  function sourceOf(deployment) {
    return deployment.source === deployment.origin || !deployment.origin ? deployment.source
      : deployment.source + ': ' + deployment.origin;
  }

  function when(instant) { return instant ? new Date(instant).toLocaleString() : ''; }

  function rollBackButton(deployment) {
    const button = el('button', 'Roll back to this');
    button.addEventListener('click', () => {
      if (confirm('Deploy the files of ' + deployment.deploymentId + ' again as the newest version? Running proposals stay on their versions.')) {
        deploy('/rollbacks?deploymentId=' + encodeURIComponent(deployment.deploymentId), undefined,
          document.getElementById('deploy-result'));
      }
    });
    return button;
  }

  function versionSelect(versions) {
    const select = el('select');
    versions.forEach(version => select.appendChild(el('option', 'version ' + version.version + ' (' + version.running + ' running)',
      { value: version.definitionId })));
    return select;
  }

  function migrationPanel(definition) {
    const panel = el('div');
    const from = versionSelect(definition.versions);
    const to = versionSelect(definition.versions);
    if (definition.versions.length > 1) from.selectedIndex = 1;
    const result = el('div', null, { 'class': 'result', 'aria-live': 'polite' });
    const dryRun = el('button', 'Dry run');
    const migrate = el('button', 'Migrate', { 'class': 'primary' });
    panel.append(el('span', 'Move running proposals from '), from, el('span', ' to '), to, dryRun, migrate, result);
    dryRun.addEventListener('click', async () => {
      show(result, 'Asking the engine…');
      try { show(result, migrationReport(await call('POST', '/migrations/dry-run', { sourceDefinitionId: from.value, targetDefinitionId: to.value }))); }
      catch (error) { show(result, error.message, true); }
    });
    migrate.addEventListener('click', async () => {
      if (!confirm('Move every proposal that can move? Those that cannot stay where they are.')) return;
      try { show(result, migrationStatus(await call('POST', '/migrations', { sourceDefinitionId: from.value, targetDefinitionId: to.value }))); loadMigrations(); }
      catch (error) { show(result, error.message, true); }
    });
    return panel;
  }

  function migrationReport(report) {
    const box = el('div');
    box.appendChild(el('strong', report.instances.filter(i => i.canMove).length + ' of ' + report.instances.length + ' running on version '
      + report.source.version + ' can move to version ' + report.target.version + '.'));
    if (report.planProblems.length) box.appendChild(el('p', 'The engine refuses the plan: ' + report.planProblems.join('; '), { 'class': 'cannot' }));
    box.appendChild(el('p', 'Mapped: ' + report.mapped.map(m => m.sourceActivityId === m.targetActivityId ? m.sourceActivityId
      : m.sourceActivityId + ' → ' + m.targetActivityId).join(', ')));
    box.appendChild(el('p', 'No counterpart (a proposal waiting there cannot move): ' + (report.unmapped.join(', ') || 'none')));
    box.appendChild(el('p', 'New in version ' + report.target.version + ': ' + (report.added.join(', ') || 'nothing')));
    box.appendChild(table(['Proposal', 'Waiting at', 'Can move', 'Why not'], report.instances.map(i => [
      i.businessKey || i.processInstanceId, i.waitingAt.join(', '),
      el('span', i.canMove ? 'yes' : 'no', { 'class': i.canMove ? 'can' : 'cannot' }), i.reasons.join('; ')])));
    return box;
  }

  function migrationStatus(status) {
    const box = el('div');
    box.appendChild(el('strong', (status.batchId ? 'Batch ' + status.batchId + ': ' : '') + status.state + ' — from version '
      + status.source.version + ' to ' + status.target.version + ' of ' + status.source.key + ', by ' + status.requestedBy
      + ' at ' + when(status.requestedAt)));
    box.appendChild(table(['Proposal', 'Outcome', 'Why'], status.instances.map(i => [i.businessKey || i.processInstanceId,
      i.outcome, i.reason])));
    return box;
  }

  function definitions(target, list, withMigration) {
    target.replaceChildren();
    list.forEach(definition => {
      target.appendChild(el('h3', (definition.name || definition.key) + ' (' + definition.key + ')'));
      const headings = ['Version', 'Deployed', 'By', 'From'].concat(withMigration ? ['Running'] : []).concat(['']);
      target.appendChild(table(headings, definition.versions.map(version => [version.version,
        when(version.deployment.deployedAt), version.deployment.deployedBy, sourceOf(version.deployment)]
        .concat(withMigration ? [version.running] : []).concat([rollBackButton(version.deployment)]))));
      if (withMigration && definition.versions.length > 1) target.appendChild(migrationPanel(definition));
    });
  }

  async function loadMigrations() {
    const target = document.getElementById('migrations');
    try {
      const recent = await call('GET', '/migrations');
      target.replaceChildren();
      if (!recent.length) target.appendChild(el('p', 'No migration yet.'));
      recent.forEach(status => target.appendChild(migrationStatus(status)));
    } catch (error) { show(target, error.message, true); }
  }

  async function load() {
    try {
      const overview = await call('GET', '');
      document.getElementById('folders-warning').hidden = overview.foldersMatchNewest;
      definitions(document.getElementById('processes'), overview.processes, true);
      definitions(document.getElementById('decisions'), overview.decisions, false);
      document.getElementById('deployments').replaceChildren(table(['Deployment', 'Deployed', 'By', 'From', 'Files'],
        overview.deployments.map(d => [d.deploymentId, when(d.deployedAt), d.deployedBy, sourceOf(d), d.files.join(', ')])));
    } catch (error) { show(document.getElementById('processes'), error.message, true); }
  }

  document.getElementById('engine-rest').textContent = location.origin + '/engine-rest';
  document.querySelectorAll('[data-folders]').forEach(button => button.addEventListener('click', () =>
    deploy('/folders?dryRun=' + button.dataset.folders, undefined, document.getElementById('deploy-result'))));
  document.querySelectorAll('[data-upload]').forEach(button => button.addEventListener('click', () => {
    const files = document.getElementById('files').files;
    const form = new FormData();
    Array.from(files).forEach(file => form.append('files', file, file.name));
    deploy('/uploads?dryRun=' + button.dataset.upload, form, document.getElementById('deploy-result'));
  }));
  document.getElementById('refresh-migrations').addEventListener('click', loadMigrations);
  load();
  loadMigrations();
})();
