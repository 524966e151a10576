// Keeps the driver's pages live from the server-sent event stream: each event is the driver's
// whole state; every page renders the parts it has. No page refresh is ever needed.
(function () {
  'use strict';
  var byId = function (id) { return document.getElementById(id); };
  var lastKafkaTimestamp = 0;
  window.portalPushLatencies = [];

  function text(id, value) {
    var el = byId(id);
    if (el && el.textContent !== value) { el.textContent = value; }
  }

  function show(el, visible) { if (el) { el.hidden = !visible; } }

  function item(tag, className, content) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (content !== undefined) { el.textContent = content; }
    return el;
  }

  function renderCentral(s) {
    var banner = byId('central-status');
    banner.textContent = s.centralMessage;
    show(banner, !s.centralReachable);
  }

  var shownPoints = '';

  function renderPoints(s) {
    var list = byId('cp-list');
    if (!list) { return; }
    // Redraw only on change, so a button is never replaced under the driver's finger.
    var points = JSON.stringify(s.points);
    if (points === shownPoints) { return; }
    shownPoints = points;
    var rows = document.createDocumentFragment();
    s.points.forEach(function (cp) {
      var li = item('li', 'cp ' + cp.stateCss);
      li.dataset.cp = cp.id;
      li.appendChild(item('span', 'dot')).setAttribute('aria-hidden', 'true');
      li.appendChild(item('span', 'cp-id', cp.id));
      li.appendChild(item('span', 'cp-location', cp.location || ''));
      li.appendChild(item('span', 'cp-price', cp.price));
      li.appendChild(item('span', 'cp-state', cp.stateLabel));
      var button = item('button', 'charge', 'Charge here');
      button.type = 'button';
      button.disabled = !cp.available;
      button.setAttribute('aria-label', 'Request a charge at ' + cp.id);
      button.addEventListener('click', function () {
        byId('request:cpId').value = cp.id;
        byId('request:go').click();
      });
      li.appendChild(button);
      rows.appendChild(li);
    });
    list.replaceChildren(rows);
    show(byId('cp-empty'), s.points.length === 0);
    show(byId('cp-loading'), false);
  }

  function renderSteps(steps) {
    var list = byId('steps');
    if (list.children.length === steps.length) { return; }
    list.replaceChildren.apply(list, steps.map(function (step) {
      var li = item('li', 'step ' + step.kind);
      li.appendChild(item('time', null, step.time));
      li.appendChild(item('span', null, step.text));
      return li;
    }));
  }

  function renderTicket(t) {
    show(byId('ticket'), !!t);
    if (!t) { return; }
    text('ticket-session', t.sessionId); text('ticket-cp', t.cpId); text('ticket-start', t.start);
    text('ticket-end', t.end); text('ticket-kwh', t.kwh); text('ticket-cost', t.cost); text('ticket-ended', t.endedBy);
  }

  function renderSession(s) {
    var box = byId('session');
    if (!box) { return; }
    var session = s.session;
    show(byId('session-none'), !session);
    show(box, !!session);
    if (!session) { renderTicket(null); return; }
    box.dataset.stage = session.stage;
    text('session-stage', session.stageLabel); text('session-cp', session.cpId); text('session-id', session.sessionId);
    text('session-kw', session.kw); text('session-kwh', session.kwh); text('session-cost', session.cost);
    text('session-elapsed', session.elapsed);
    if (session.kafkaTimestamp > lastKafkaTimestamp) {
      // The reading on screen was produced to Kafka at kafkaTimestamp: the difference is the push latency.
      if (lastKafkaTimestamp > 0) { window.portalPushLatencies.push(Date.now() - session.kafkaTimestamp); }
      lastKafkaTimestamp = session.kafkaTimestamp;
    }
    show(byId('stop'), session.stoppable);
    renderSteps(session.steps);
    renderTicket(session.ticket);
  }

  function renderHistory(s) {
    var table = byId('history-list');
    if (!table) { return; }
    var rows = s.tickets.map(function (t) {
      var tr = item('tr');
      tr.dataset.session = t.sessionId;
      [t.sessionId, t.cpId, t.start, t.end, t.kwh, t.cost, t.endedBy].forEach(function (v) { tr.appendChild(item('td', null, v)); });
      return tr;
    });
    var body = table.tBodies[0];
    body.replaceChildren.apply(body, rows);
    show(table, rows.length > 0);
    show(byId('history-empty'), rows.length === 0);
  }

  function renderServices(s) {
    var box = byId('service-progress');
    if (!box) { return; }
    show(box, !!s.services);
    if (!s.services) { return; }
    text('service-summary', s.services.summary);
    var list = byId('service-items');
    list.replaceChildren.apply(list, s.services.items.map(function (i) {
      var li = item('li', 'service ' + i.state);
      li.dataset.cp = i.cpId;
      li.appendChild(item('span', 'service-cp', i.cpId));
      li.appendChild(item('span', 'service-outcome', i.outcome || i.state));
      return li;
    }));
  }

  function render(snapshot) {
    if (!snapshot) { return; }
    renderCentral(snapshot); renderPoints(snapshot); renderSession(snapshot);
    renderHistory(snapshot); renderServices(snapshot);
    document.body.dataset.live = 'true';
  }

  var stream = new EventSource(document.querySelector('base') ? 'api/events' : '/api/events');
  stream.addEventListener('snapshot', function (event) { render(JSON.parse(event.data)); });
})();
