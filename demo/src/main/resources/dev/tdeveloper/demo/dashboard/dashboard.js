// The ops dashboard: polls dashboard/data with the operator token and renders it. The token comes
// from the URL fragment (#token=..., never sent to the server), is kept in sessionStorage only and
// leaves the address bar at once. Every value is written with textContent: nothing from the data
// is ever parsed as HTML.
'use strict';
(function () {
  const POLL_MS = 2000;
  const TOKEN_KEY = 'tdeveloper.dashboard.token';
  const SVG = 'http://www.w3.org/2000/svg';
  let timer = null;

  function $(id) { return document.getElementById(id); }

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function percent(x, digits) { return (100 * x).toFixed(digits === undefined ? 1 : digits) + ' %'; }

  function takeTokenFromFragment() {
    if (window.location.hash.length > 1) {
      const token = new URLSearchParams(window.location.hash.substring(1)).get('token');
      if (token) { sessionStorage.setItem(TOKEN_KEY, token); }
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
  }

  function setStatus(kind, text) {
    const s = $('status');
    s.className = 'status status-' + kind;
    s.textContent = text;
  }

  function showAuth(message) {
    if (timer !== null) { clearTimeout(timer); timer = null; }
    $('main').hidden = true;
    $('auth').hidden = false;
    if (message) { $('auth-message').textContent = message; }
    setStatus('wait', 'no token');
  }

  async function poll() {
    timer = null;
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) { showAuth(); return; }
    try {
      const response = await fetch('dashboard/data', {
        headers: { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' },
        cache: 'no-store', credentials: 'omit', redirect: 'error'
      });
      if (response.status === 401 || response.status === 403) {
        sessionStorage.removeItem(TOKEN_KEY);
        showAuth('The operator token was refused (HTTP ' + response.status + '). Paste a valid one.');
        return;
      }
      if (!response.ok) {
        setStatus('bad', 'HTTP ' + response.status);
      } else {
        render(await response.json());
        setStatus('ok', 'live');
      }
    } catch (e) {
      setStatus('bad', 'unreachable');
    }
    timer = setTimeout(poll, POLL_MS);
  }

  function render(d) {
    $('auth').hidden = true;
    $('main').hidden = false;
    $('updated').textContent = 'updated ' + d.generatedAt;
    $('window').textContent = '(last ' + d.windowSeconds + ' s)';
    renderTenants(d.tenants || []);
    renderProtection(d.protection || {});
    renderSlos(d.slos);
    renderAlerts(d.alerts);
    renderIncidents(d.incidents);
    renderFacts($('cost'), d.cost);
    renderFacts($('audit'), d.audit);
    renderBackups(d.backups);
  }

  function renderTenants(tenants) {
    const body = clear(document.querySelector('#tenants tbody'));
    if (tenants.length === 0) {
      const tr = el('tr');
      const td = el('td', 'No tenants provisioned', 'empty');
      td.colSpan = 9;
      tr.appendChild(td);
      body.appendChild(tr);
      return;
    }
    for (const t of tenants) {
      const tr = el('tr');
      tr.dataset.tenant = t.id;
      const name = el('td', t.id, 'tenant');
      if (t.displayName && t.displayName !== t.id) { name.appendChild(el('div', t.displayName, 'muted')); }
      tr.appendChild(name);
      tr.appendChild(el('td', t.plan, 'plan'));
      const status = el('td', null, 'status-cell');
      status.appendChild(el('span', t.status, 'badge badge-' + t.status));
      tr.appendChild(status);
      tr.appendChild(el('td', t.homeRegion, 'region'));
      const traffic = t.traffic || {};
      tr.appendChild(el('td', traffic.requests, 'num requests'));
      tr.appendChild(el('td', (traffic.requestsPerSecond || 0).toFixed(2), 'num rps'));
      tr.appendChild(el('td', percent(traffic.errorRate || 0, 2),
        'num error-rate' + (traffic.errorRate > 0.01 ? ' rate-bad' : '')));
      tr.appendChild(el('td', traffic.rateLimited, 'num rate-limited'));
      tr.appendChild(el('td', usageText(t.usage), 'usage'));
      body.appendChild(tr);
    }
  }

  function usageText(usage) {
    if (!usage) { return '–'; }
    if (usage.error) { return usage.error; }
    return Object.keys(usage).map(function (m) { return m + ': ' + usage[m].value; }).join(' · ');
  }

  function fact(dl, name, value, cls) {
    dl.appendChild(el('dt', name));
    dl.appendChild(el('dd', value, cls));
  }

  function renderProtection(p) {
    const dl = clear($('protection'));
    fact(dl, 'Rate-limited requests', p.rateLimited);
    const s = p.shield || {};
    if (s.error) { fact(dl, 'Shield', s.error, 'error'); return; }
    const refused = s.refused || {};
    fact(dl, 'Shield refusals', refused.total + ' (403: ' + refused['403'] + ', 429: ' + refused['429']
      + ', 503: ' + refused['503'] + ')');
    if (s.activeBans) {
      fact(dl, 'Active bans', 'IPs ' + s.activeBans.clientIp + ', tenants ' + s.activeBans.tenant
        + ', API keys ' + s.activeBans.apiKey);
    }
    if (s.heavyHitterIps !== undefined) { fact(dl, 'Heavy-hitter IPs', s.heavyHitterIps); }
    if (s.concurrency) {
      fact(dl, 'Concurrency', s.concurrency.inFlight + ' in flight, limit ' + s.concurrency.limit
        + ' (' + s.concurrency.min + '–' + s.concurrency.max + ')');
    }
  }

  function errorOr(container, section, emptyText) {
    clear(container);
    if (section && section.error) { container.appendChild(el('p', section.error, 'error')); return true; }
    if (!Array.isArray(section) || section.length === 0) {
      container.appendChild(el('p', emptyText, 'empty'));
      return true;
    }
    return false;
  }

  function table(container, headers) {
    const t = el('table');
    const tr = el('tr');
    headers.forEach(function (h) { tr.appendChild(el('th', h)); });
    t.appendChild(el('thead')).appendChild(tr);
    container.appendChild(t);
    return t.appendChild(el('tbody'));
  }

  function row(body, cells) {
    const tr = el('tr');
    cells.forEach(function (c) { tr.appendChild(c instanceof Node ? wrap(c) : el('td', c)); });
    body.appendChild(tr);
    return tr;
  }

  function wrap(node) { const td = el('td'); td.appendChild(node); return td; }

  function renderSlos(slos) {
    const box = $('slos');
    if (errorOr(box, slos, 'No SLOs configured')) { return; }
    const body = table(box, ['SLO', 'Tenant', 'Objective', 'Budget left', 'Burn rates', 'Burn rate trend', 'Alerts']);
    for (const s of slos) {
      const rates = Object.keys(s.burnRates).map(function (w) { return w + ' ' + s.burnRates[w].toFixed(2) + '×'; });
      const tr = row(body, [s.id, s.tenant || 'all', percent(s.objective, 2), budgetBar(s.budgetRemaining),
        rates.join(', '), sparkline(s.sparkline), s.alerts.length ? s.alerts.join(', ') : '–']);
      tr.dataset.slo = s.id;
    }
  }

  function budgetBar(remaining) {
    const wrapper = el('span');
    const bar = el('span', null, 'budget' + (remaining <= 0 ? ' spent' : remaining < 0.25 ? ' low' : ''));
    const fill = el('span');
    fill.style.width = Math.max(0, Math.min(1, remaining)) * 100 + '%';
    bar.appendChild(fill);
    wrapper.appendChild(bar);
    wrapper.appendChild(document.createTextNode(' ' + percent(remaining)));
    return wrapper;
  }

  function sparkline(points) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'spark');
    svg.setAttribute('viewBox', '0 0 160 32');
    svg.setAttribute('preserveAspectRatio', 'none');
    if (!points || points.length === 0) { return svg; }
    const max = Math.max(1, ...points);
    const step = points.length > 1 ? 160 / (points.length - 1) : 0;
    const y = function (v) { return (32 - (v / max) * 30 - 1).toFixed(1); };
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', points.map(function (v, i) { return (i * step).toFixed(1) + ',' + y(v); }).join(' '));
    const one = document.createElementNS(SVG, 'line'); // burn rate 1: the budget lasts the window
    one.setAttribute('x1', '0'); one.setAttribute('x2', '160');
    one.setAttribute('y1', y(1)); one.setAttribute('y2', y(1));
    svg.appendChild(one);
    svg.appendChild(line);
    const title = document.createElementNS(SVG, 'title');
    title.textContent = 'burn rate, latest ' + points[points.length - 1].toFixed(2);
    svg.appendChild(title);
    return svg;
  }

  function badge(text) { return el('span', text, 'badge badge-' + text); }

  function renderAlerts(alerts) {
    const box = $('alerts');
    if (errorOr(box, alerts, 'No open alerts')) { return; }
    const body = table(box, ['Severity', 'Alert', 'Tenant', 'Summary', 'Since']);
    for (const a of alerts) {
      row(body, [badge(a.severity), a.alertname, a.tenant || '–', a.summary, a.startsAt]);
    }
  }

  function renderIncidents(incidents) {
    const box = $('incidents');
    if (errorOr(box, incidents, 'No open incidents')) { return; }
    const body = table(box, ['Severity', 'Incident', 'Tenant', 'Status', 'Root cause', 'Alerts', 'Opened']);
    for (const i of incidents) {
      row(body, [badge(i.severity), i.title, i.tenant || '–', i.status, i.rootCause, i.alertCount, i.openedAt]);
    }
  }

  function renderFacts(dl, section) {
    clear(dl);
    if (!section) { fact(dl, 'Status', 'not available', 'empty'); return; }
    if (section.error) { fact(dl, 'Error', section.error, 'error'); return; }
    for (const k of Object.keys(section)) {
      const v = section[k];
      if (v === null || typeof v !== 'object') { fact(dl, k, v === null ? '–' : v); }
    }
  }

  function millis(ms) { return ms === null || ms === undefined ? '–' : (ms / 1000).toFixed(1) + ' s'; }

  function renderBackups(backups) {
    const box = $('backups');
    if (errorOr(box, backups, 'No backup sources yet')) { return; }
    const body = table(box, ['Scope', 'Source', 'Backups', 'Last backup', 'RPO / target', 'RTO / target', 'Last drill']);
    for (const b of backups) {
      const rpo = el('span', millis(b.rpoMillis) + ' / ' + millis(b.rpoTargetMillis), b.rpoBreached ? 'rate-bad' : '');
      const rto = el('span', millis(b.rtoMillis) + ' / ' + millis(b.rtoTargetMillis), b.rtoBreached ? 'rate-bad' : '');
      const drill = b.lastDrill ? (b.lastDrill.passed ? 'passed ' : 'FAILED ') + b.lastDrill.finished : '–';
      row(body, [b.tenant || b.scope, b.source, b.backups, b.lastBackupAt || '–', rpo, rto, drill]);
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('token-form').addEventListener('submit', function (event) {
      event.preventDefault();
      const input = $('token-input');
      if (input.value) {
        sessionStorage.setItem(TOKEN_KEY, input.value);
        input.value = '';
        $('auth').hidden = true;
        poll();
      }
    });
    takeTokenFromFragment();
    poll();
  });
})();
