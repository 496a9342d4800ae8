// "Paste a report": an editor analyses a news report with incident-service and accepts or rejects
// each proposed incident. Accepted incidents reach the map through the normal live stream.
(function () {
  'use strict';
  const TOKEN_KEY = 'incident-map.editor-token';

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') { e.className = v; } else { e.setAttribute(k, v); }
    });
    children.forEach(c => e.append(c));
    return e;
  }

  const toggle = el('button', { id: 'report-toggle', type: 'button' }, 'Paste a report');
  const token = el('input', { id: 'report-token', type: 'password', placeholder: 'editor token (JWT)', autocomplete: 'off' });
  const outlet = el('input', { id: 'report-outlet', placeholder: 'outlet (optional)' });
  const url = el('input', { id: 'report-url', type: 'url', placeholder: 'https://… (optional)' });
  const published = el('input', { id: 'report-published', type: 'datetime-local' });
  const text = el('textarea', { id: 'report-text', rows: '8', placeholder: 'paste the report text' });
  const analyse = el('button', { id: 'report-analyse', type: 'button' }, 'Analyse');
  const error = el('p', { id: 'report-error', role: 'alert' });
  const result = el('div', { id: 'report-result' });
  const panel = el('section', { id: 'report-panel', hidden: '' },
    el('label', {}, 'Token ', token), el('label', {}, 'Outlet ', outlet), el('label', {}, 'URL ', url),
    el('label', {}, 'Published ', published), text, analyse, error, result);
  document.body.append(toggle, panel);

  token.value = sessionStorage.getItem(TOKEN_KEY) || '';
  token.addEventListener('change', () => sessionStorage.setItem(TOKEN_KEY, token.value.trim()));
  toggle.addEventListener('click', () => { panel.hidden = !panel.hidden; });

  function showProblem(status, body) {
    let msg = status + ' ';
    if (body && typeof body === 'object') {
      msg += (body.title || '') + (body.detail ? ': ' + body.detail : '');
      (body.errors || []).forEach(e => { msg += ' [' + e.field + ': ' + e.detail + ']'; });
    } else if (status === 401) {
      msg += 'not signed in: paste a valid editor token';
    } else if (status === 403) {
      msg += 'this token may not do that (an editor token is needed)';
    } else {
      msg += 'the request failed';
    }
    error.textContent = msg;
  }

  async function call(path, body, ifMatch) {
    const headers = { 'Authorization': 'Bearer ' + token.value.trim() };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (ifMatch !== undefined) { headers['If-Match'] = '"' + ifMatch + '"'; }
    const response = await fetch(path, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const type = response.headers.get('Content-Type') || '';
    const json = type.includes('json') ? await response.json().catch(() => null) : null;
    if (!response.ok) { showProblem(response.status, json); return null; }
    error.textContent = '';
    return json || {};
  }

  function figure(n, atLeast) {
    return n === null || n === undefined ? 'unknown' : (atLeast ? 'at least ' : '') + n;
  }

  function highlighted(source, candidates) {
    const spans = [];
    candidates.forEach(c => (c.properties.evidence || []).forEach(e => spans.push({ start: e.start, end: e.end, n: c.id })));
    spans.sort((a, b) => a.start - b.start);
    const out = el('blockquote', { id: 'report-highlighted' });
    let at = 0;
    spans.forEach(s => {
      if (s.start < at) { return; }
      out.append(source.slice(at, s.start));
      out.append(el('mark', { 'data-candidate': String(s.n) }, source.slice(s.start, s.end)));
      at = s.end;
    });
    out.append(source.slice(at));
    return out;
  }

  function card(report, c) {
    const p = c.properties;
    const place = [p.placeName, p.admin1, p.country].filter(Boolean).join(', ') || 'place unresolved';
    const status = el('span', { class: 'report-status' });
    const box = el('div', { class: 'report-candidate', 'data-candidate': String(c.id) },
      el('strong', {}, (p.proposal === 'update' ? 'Update of a stored incident' : 'New incident')),
      el('div', {}, (p.subEventType || p.eventType || 'event type unknown')),
      el('div', {}, place + ' · ' + (p.occurredOn || 'date unknown')),
      el('div', {}, 'Killed: ' + figure(p.killed, p.killedAtLeast) + ' · Injured: ' + figure(p.injured, p.injuredAtLeast)),
      el('div', {}, 'Confidence: ' + Math.round((p.confidence || 0) * 100) + '%'));
    if (p.proposal === 'update' && p.stored) {
      box.append(el('div', { class: 'report-stored' }, 'Stored now: killed ' + figure(p.stored.killed, p.stored.killedAtLeast)
        + ', injured ' + figure(p.stored.injured, p.stored.injuredAtLeast) + ' (version ' + p.incidentVersion + ')'));
    }
    (p.claims || []).forEach(cl => box.append(el('div', { class: 'report-claim' },
      'Claim by ' + cl.claimant + ': killed ' + figure(cl.killed, cl.killedAtLeast) + ', injured ' + figure(cl.injured, cl.injuredAtLeast))));
    if (p.review) {
      status.textContent = p.review.decision;
      box.append(status);
      return box;
    }
    const accept = el('button', { type: 'button', class: 'report-accept' }, 'Accept');
    const reject = el('button', { type: 'button', class: 'report-reject' }, 'Reject');
    const base = '/api/reports/' + report.id + '/candidates/' + c.id + '/';
    accept.addEventListener('click', async () => {
      const done = await call(base + 'accept', undefined, p.proposal === 'update' ? p.incidentVersion : undefined);
      if (done) { status.textContent = done.action + ' incident ' + done.incidentId; accept.remove(); reject.remove(); }
    });
    reject.addEventListener('click', async () => {
      const done = await call(base + 'reject', { reason: 'rejected on the map page' });
      if (done) { status.textContent = 'rejected'; accept.remove(); reject.remove(); }
    });
    box.append(accept, reject, status);
    return box;
  }

  analyse.addEventListener('click', async () => {
    sessionStorage.setItem(TOKEN_KEY, token.value.trim());
    result.replaceChildren();
    const source = { outlet: outlet.value.trim() || 'pasted report',
      publishedAt: published.value ? new Date(published.value).toISOString() : new Date().toISOString() };
    if (url.value.trim()) { source.url = url.value.trim(); }
    const report = await call('/api/reports', { text: text.value, source });
    if (!report) { return; }
    const candidates = report.candidates || [];
    result.append(highlighted(text.value, candidates));
    if (candidates.length === 0) { result.append(el('p', {}, 'No incident found in this text.')); }
    candidates.forEach(c => result.append(card(report, c)));
    if ((report.claims || []).length) {
      result.append(el('h3', {}, 'Figures kept as claims'));
      report.claims.forEach(cl => result.append(el('div', { class: 'report-claim' },
        (cl.claimant || 'unnamed') + ': ' + (cl.statement || ''))));
    }
  });
}());
