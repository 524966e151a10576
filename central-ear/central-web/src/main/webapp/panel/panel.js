// Central's live panel: tiles and feed from Server-Sent Events, operator actions through the admin API.
// The browser sends the operator's basic-auth credentials with these same-origin requests.
(function () {
  'use strict';
  const api = '/api/';
  const tiles = document.getElementById('tiles');
  const feed = document.getElementById('feed');
  const summary = document.getElementById('summary');
  const connection = document.getElementById('connection');
  const result = document.getElementById('action-result');
  const maxFeed = 100;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function fixed(value, digits) {
    return value === null || value === undefined ? '–' : Number(value).toFixed(digits);
  }

  function actionButton(action, cp, label) {
    return el('button', { type: 'button', 'data-action': action, 'data-cp': cp }, label);
  }

  function tile(cp) {
    const node = el('article', { class: 'tile ' + cp.colour, 'data-cp': cp.id, 'data-state': cp.state });
    const id = el('div', { class: 'id' }, cp.id);
    if (cp.protocol) id.append(' ', el('span', { class: 'protocol' }, cp.protocol));
    node.append(id);
    node.append(el('div', { class: 'where' }, cp.location + ' · ' + fixed(cp.price_per_kwh, 2) + ' €/kWh'));
    node.append(el('div', { class: 'state' }, cp.label));
    if (cp.pending_authorization) node.append(el('span', { class: 'pending' }, 'Pending authorization'));
    if (cp.pending_authorization && cp.connected) node.append(el('span', { class: 'link' }, 'Monitor connected'));
    if (cp.legacy) node.append(el('span', { class: 'legacy', title: 'Admitted by its id alone (first-implementation Monitor)' }, 'Legacy'));
    // Several Centrals: which one holds the CP now (its name, without the per-start suffix).
    if (cp.central) node.append(el('span', { class: 'central', title: cp.central }, 'on ' + cp.central.replace(/\/.*$/, '')));
    if (cp.charging) {
      const live = el('div', { class: 'live' });
      [['kw', fixed(cp.charging.power_kw, 2), 'kW'], ['kwh', fixed(cp.charging.energy_kwh, 3), 'kWh'],
        ['eur', fixed(cp.charging.cost, 2), '€']].forEach(([cls, value, unit]) => {
        const cell = el('span', { class: cls });
        cell.append(el('b', {}, value), document.createTextNode(unit));
        live.append(cell);
      });
      node.append(live, el('div', { class: 'driver' }, 'Driver ' + cp.charging.driver_id));
    }
    const actions = el('div', { class: 'actions' });
    if (cp.pending_authorization) {
      // Ticked: admitted by id alone, no credential; otherwise the credential is shown once after authorizing.
      const legacy = el('label', { class: 'legacy-choice' });
      legacy.append(el('input', { type: 'checkbox', 'data-legacy-for': cp.id }), document.createTextNode(' legacy'));
      actions.append(actionButton('authorize', cp.id, 'Authorize'), legacy);
    }
    if (cp.state === 'STOPPED') actions.append(actionButton('resume', cp.id, 'Resume'));
    else if (!cp.pending_authorization) actions.append(actionButton('stop', cp.id, 'Stop'));
    if (!cp.pending_authorization) {
      actions.append(cp.legacy ? actionButton('legacy-off', cp.id, 'Require credential')
        : actionButton('legacy-on', cp.id, 'Allow legacy'));
      // The Engine signs its Kafka records with this key; revoked, its records are refused (a linked Monitor gets a new one).
      if (cp.payload_key_id) actions.append(actionButton('revoke-payload-key', cp.id, 'Revoke payload key'));
    }
    node.append(actions);
    return node;
  }

  // Tiles are redrawn only when their CP changed, so a button stays put between two snapshots.
  const drawn = new Map();

  function tileFor(cp) {
    const { last_seen_ms: ignored, ...shown } = cp;
    const signature = JSON.stringify(shown);
    const previous = drawn.get(cp.id);
    if (previous && previous.signature === signature) return previous.node;
    const node = tile(cp);
    drawn.set(cp.id, { signature, node });
    return node;
  }

  function showSnapshot(snapshot) {
    const list = snapshot.tiles;
    const ids = new Set(list.map(cp => cp.id));
    [...drawn.keys()].filter(id => !ids.has(id)).forEach(id => drawn.delete(id));
    const nodes = list.map(tileFor);
    const unchanged = nodes.length === tiles.children.length && nodes.every((node, i) => tiles.children[i] === node);
    if (!unchanged) {
      tiles.replaceChildren(...(nodes.length ? nodes
        : [el('p', { class: 'empty' }, 'No charging point has connected yet.')]));
    }
    const count = state => list.filter(cp => cp.state === state).length;
    const pending = list.filter(cp => cp.pending_authorization).length;
    summary.textContent = list.length + ' CPs · ' + count('ACTIVE') + ' active · ' + count('CHARGING') + ' charging · '
      + count('STOPPED') + ' stopped · ' + count('FAULTY') + ' faulty · ' + count('DISCONNECTED') + ' disconnected'
      + (pending ? ' · ' + pending + ' pending authorization' : '');
  }

  function feedLine(notice, atTop) {
    const item = el('li', { class: notice.kind });
    item.append(el('time', {}, new Date(notice.at_millis).toLocaleTimeString()), document.createTextNode(notice.text));
    if (atTop) feed.prepend(item); else feed.append(item);
    while (feed.children.length > maxFeed) feed.lastChild.remove();
  }

  function request(action, cp) {
    const json = { Accept: 'application/json', 'Content-Type': 'application/json' };
    if (action === 'legacy-on' || action === 'legacy-off') {
      return fetch(api + 'registry/charging-points/' + encodeURIComponent(cp) + '/legacy',
        { method: 'PUT', headers: json, body: JSON.stringify({ legacy: action === 'legacy-on' }) });
    }
    if (action === 'revoke-payload-key') {
      return fetch(api + 'registry/charging-points/' + encodeURIComponent(cp) + '/payload-key',
        { method: 'DELETE', headers: json, body: '{}' });
    }
    const box = document.querySelector('input[data-legacy-for="' + CSS.escape(cp) + '"]');
    const query = action === 'authorize' && box && box.checked ? '?legacy=true' : '';
    const path = cp === 'all' ? 'charging-points/all/' + action : 'charging-points/' + encodeURIComponent(cp) + '/' + action;
    // Declared JSON: Central refuses any other state-changing request (a foreign page's form cannot send this).
    return fetch(api + path + query, { method: 'POST', headers: json, body: '{}' });
  }

  // A credential is shown once, here: the operator copies it into the CP's Monitor (--credential).
  function showCredentials(credentials) {
    Object.entries(credentials || {}).filter(([, secret]) => secret).forEach(([id, secret]) => {
      const line = el('div', { class: 'credential' }, 'Credential of ' + id + ' (shown once): ');
      line.append(el('code', { 'data-credential-for': id }, secret));
      result.append(line);
    });
  }

  async function act(action, cp) {
    result.className = '';
    result.textContent = action + ' ' + cp + '…';
    try {
      const response = await request(action, cp);
      const body = await response.json();
      if (!response.ok) throw new Error(body.message || response.statusText);
      result.textContent = cp === 'all'
        ? action + ' all: done ' + (body.done.join(', ') || 'none') + (body.refused.length ? '; refused '
          + body.refused.map(r => r.cp_id + ' (' + r.reason + ')').join(', ') : '')
        : action + ' ' + cp + ': done, now ' + body.state + (body.legacy ? ' (legacy)' : '')
          + (action === 'revoke-payload-key' ? (body.payload_key_id ? ', new payload key ' + body.payload_key_id
            : ', a new payload key at its next authentication') : '');
      showCredentials(cp === 'all' ? body.credentials : { [cp]: body.credential });
    } catch (e) {
      result.className = 'error';
      result.textContent = action + ' ' + cp + ' failed: ' + e.message;
    }
  }

  document.addEventListener('click', event => {
    const button = event.target.closest('button[data-action]');
    if (button) act(button.dataset.action, button.dataset.cp);
  });

  function connect() {
    const source = new EventSource(api + 'panel/events');
    source.onopen = () => { connection.className = 'online'; connection.textContent = 'live'; };
    source.onerror = () => { connection.className = 'offline'; connection.textContent = 'reconnecting…'; };
    source.addEventListener('snapshot', e => showSnapshot(JSON.parse(e.data)));
    source.addEventListener('history', e => { feed.replaceChildren(); JSON.parse(e.data).forEach(n => feedLine(n, false)); });
    source.addEventListener('feed', e => feedLine(JSON.parse(e.data), true));
  }

  // Who is signed in: a viewer sees no action buttons (the API would refuse them anyway).
  async function whoAmI() {
    try {
      const response = await fetch(api + 'me', { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const me = await response.json();
      document.getElementById('signed-in').textContent = me.username + ' (' + me.role + ')';
      document.body.dataset.role = me.role;
    } catch (e) {
      // The panel works without it: the API still decides what each role may do.
    }
  }

  // The audit tab: newest first, filtered, refreshed every few seconds while it is shown.
  const auditBody = document.querySelector('#audit tbody');
  const auditStatus = document.getElementById('audit-status');
  const auditOlder = document.getElementById('audit-older');
  const auditForm = document.getElementById('audit-filters');
  const auditPage = 50;
  let auditShown = 0;

  function auditQuery(offset) {
    const params = new URLSearchParams({ limit: String(auditPage), offset: String(offset) });
    new FormData(auditForm).forEach((value, key) => { if (String(value).trim()) params.set(key, String(value).trim()); });
    return api + 'audit?' + params;
  }

  function auditRow(line) {
    const row = el('tr', { class: line.outcome.toLowerCase() });
    [new Date(line.at).toLocaleString(), line.actor, line.source_ip || '', line.action, line.parameters || '',
      line.outcome, line.detail || ''].forEach(text => row.append(el('td', {}, text)));
    return row;
  }

  async function loadAudit(append) {
    const offset = append ? auditShown : 0;
    try {
      const response = await fetch(auditQuery(offset), { headers: { Accept: 'application/json' } });
      const page = await response.json();
      if (!response.ok) throw new Error(page.message || response.statusText);
      const rows = page.entries.map(auditRow);
      if (append) auditBody.append(...rows); else auditBody.replaceChildren(...rows);
      auditShown = offset + rows.length;
      auditOlder.hidden = page.next_offset === null || page.next_offset === undefined;
      auditStatus.className = '';
      auditStatus.textContent = auditShown + ' shown · ' + new Date().toLocaleTimeString();
    } catch (e) {
      auditStatus.className = 'error';
      auditStatus.textContent = 'Audit log not loaded: ' + e.message;
    }
  }

  function showTab(id) {
    document.querySelectorAll('[role=tab]').forEach(tab => tab.setAttribute('aria-selected', String(tab.dataset.tab === id)));
    document.querySelectorAll('[role=tabpanel]').forEach(panel => { panel.hidden = panel.id !== id; });
    if (id === 'view-audit') loadAudit(false);
  }

  document.querySelectorAll('[role=tab]').forEach(tab => tab.addEventListener('click', () => showTab(tab.dataset.tab)));
  auditForm.addEventListener('submit', event => { event.preventDefault(); loadAudit(false); });
  auditOlder.addEventListener('click', () => loadAudit(true));
  setInterval(() => {
    if (!document.getElementById('view-audit').hidden && auditShown <= auditPage) loadAudit(false);
  }, 5000);

  whoAmI();
  connect();
}());
