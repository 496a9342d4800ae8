// The editors' review queue: the oldest candidate nobody has decided, its report text with the
// evidence marked, where it came from, and accept, correct or reject, each with a key. Reads go
// through the gateway's /api/review, decisions through /api/reports, with the editor's token;
// incident-service decides. An accepted incident reaches the map through the live stream.
import { t, typeName, lang } from '/i18n.js';
import { sourceMarks } from '/source-marks.js';

// The paste panel keeps the token under the same key, so an editor signs in once per tab.
const TOKEN_KEY = 'incident-map.editor-token';
const PAGE = 20;
// Physical keys (KeyboardEvent.code), so the shortcuts stay where they are on a Ukrainian layout.
const SHORTCUTS = { KeyA: 'accept', KeyC: 'correct', KeyR: 'reject', KeyS: 'skip', KeyL: 'reload' };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === 'class') { e.className = v; } else { e.setAttribute(k, v); }
  });
  children.forEach(c => e.append(c));
  return e;
}
const button = (id, words, key) =>
  el('button', { id, type: 'button', 'aria-keyshortcuts': key }, t(words) + ' (' + key + ')');

const toggle = el('button', { id: 'queue-toggle', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'queue-panel' }, t('queueToggle'));
const token = el('input', { id: 'queue-token', type: 'password', placeholder: t('queueTokenPlaceholder'), autocomplete: 'off' });
const load = el('button', { id: 'queue-load', type: 'button' }, t('queueLoad'));
const count = el('p', { id: 'queue-count', 'aria-live': 'polite' });
const status = el('p', { id: 'queue-status', role: 'status' });
const error = el('p', { id: 'queue-error', role: 'alert' });
const item = el('div', { id: 'queue-item' });
const panel = el('section', { id: 'queue-panel', hidden: '', 'aria-labelledby': 'queue-title' },
  el('h2', { id: 'queue-title', tabindex: '-1' }, t('queueTitle')),
  el('p', { id: 'queue-keys', class: 'keys' }, t('queueKeys')),
  el('label', {}, t('queueToken') + ' ', token), load, count, status, error, item);
document.body.append(toggle, panel);

let current = null;        // the queue entry shown
let skipped = new Set();   // entries skipped in this tab: they stay in the queue, shown after the others
let actions = {};          // what each shortcut does for the entry shown

token.value = sessionStorage.getItem(TOKEN_KEY) || '';
token.addEventListener('change', () => sessionStorage.setItem(TOKEN_KEY, token.value.trim()));
toggle.addEventListener('click', () => {
  panel.hidden = !panel.hidden;
  toggle.setAttribute('aria-expanded', String(!panel.hidden));
  if (!panel.hidden) {
    document.getElementById('queue-title').focus();
    if (token.value.trim()) next();
  }
});
load.addEventListener('click', () => { sessionStorage.setItem(TOKEN_KEY, token.value.trim()); skipped = new Set(); next(); });

function showProblem(httpStatus, body) {
  let msg = httpStatus + ' ';
  if (body && typeof body === 'object') {
    msg += (body.title || '') + (body.detail ? ': ' + body.detail : '');
    (body.errors || []).forEach(e => { msg += ' [' + e.field + ': ' + e.detail + ']'; });
  } else {
    msg += t(httpStatus === 401 ? 'queueNotSignedIn' : httpStatus === 403 ? 'queueForbidden' : 'queueFailed');
  }
  error.textContent = msg;
}

/** The JSON answer of a call through the gateway, or null after showing its problem. */
async function call(method, path, body, ifMatch) {
  const headers = { 'Authorization': 'Bearer ' + token.value.trim() };
  if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
  if (ifMatch !== undefined) { headers['If-Match'] = '"' + ifMatch + '"'; }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    .catch(() => null);
  if (!response) { showProblem(0, null); return null; }
  const type = response.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) { showProblem(response.status, json); return null; }
  error.textContent = '';
  return json || {};
}

const entryKey = e => e.reportId + '/' + e.candidate;
function figure(n, atLeast) {
  return n === null || n === undefined ? t('unknown') : (atLeast ? t('atLeast', { n }) : String(n));
}

/** Shows the oldest entry not skipped in this tab, paging on past skipped ones; skipped ones come last. */
async function next(after) {
  const q = new URLSearchParams({ state: 'pending', limit: String(PAGE) });
  if (after) { q.set('after', after); }
  const page = await call('GET', '/api/review?' + q);
  if (!page) { return; }
  const items = page.items || [];
  const waiting = items.filter(e => !skipped.has(entryKey(e)));
  if (waiting.length === 0 && page.next) { next(page.next); return; }
  if (waiting.length === 0 && items.length > 0 && !after) { skipped = new Set(); }
  show(waiting[0] || items[0] || null);
  count.textContent = items.length === 0 ? t('queueEmpty') : t('queueCount', { n: items.length, more: page.next ? t('queueMore') : '' });
}

/** The report text with this candidate's evidence spans (offsets into the text) marked. */
function highlighted(text, evidence) {
  const out = el('blockquote', { id: 'queue-text', 'aria-label': t('queueEvidence') });
  let at = 0;
  [...evidence].sort((a, b) => a.start - b.start).forEach(s => {
    if (s.start < at || s.end > text.length) { return; }
    out.append(text.slice(at, s.start), el('mark', {}, text.slice(s.start, s.end)));
    at = s.end;
  });
  out.append(text.slice(at));
  return out;
}

function link(url, text) {
  return url ? el('a', { href: url, target: '_blank', rel: 'noopener' }, text || url) : '';
}

function sourceBlock(source) {
  const rows = el('dl', { id: 'queue-source' });
  const row = (words, ...value) => rows.append(el('dt', {}, t(words)), el('dd', {}, ...value));
  const outlet = el('dd', { id: 'queue-outlet' }, source.outlet || t('queuePasted'));
  const marks = sourceMarks(source, lang);
  if (marks) { outlet.append(' '); outlet.insertAdjacentHTML('beforeend', marks); }
  rows.append(el('dt', {}, t('queueOutlet')), outlet);
  if (source.url) { row('queueItem', link(source.url)); }
  if (source.feed) { row('queueFeed', link(source.feed.url, source.feed.name || source.feed.url)); }
  if (source.attribution) { row('queueAttribution', source.attribution); }
  if (source.publishedAt) { row('queuePublished', source.publishedAt); }
  return rows;
}

function show(entry) {
  current = entry;
  actions = {};
  item.replaceChildren();
  if (!entry) { return; }
  const c = entry.feature;
  const p = c.properties;
  const place = [p.placeName, p.admin1, p.country].filter(Boolean).join(', ') || t('queuePlaceUnresolved');
  const heading = el('h3', { id: 'queue-heading', tabindex: '-1' }, t(p.proposal === 'update' ? 'queueUpdate' : 'queueNew'));
  const box = el('article', { id: 'queue-entry', 'data-report': entry.reportId, 'data-candidate': String(entry.candidate) },
    heading,
    el('div', { class: 'queue-type' }, p.subEventType || (p.eventType ? typeName(p.eventType) : t('queueTypeUnknown'))),
    el('div', { class: 'queue-where' }, place + ' · ' + (p.occurredOn || t('queueDateUnknown'))),
    el('div', { class: 'queue-figures' }, t('killed') + ': ' + figure(p.killed, p.killedAtLeast) + ' · '
      + t('injured') + ': ' + figure(p.injured, p.injuredAtLeast)),
    el('div', { class: 'queue-confidence' }, t('queueConfidence', { n: Math.round((p.confidence || 0) * 100) })));
  if (p.proposal === 'update' && p.stored) {
    box.append(el('div', { class: 'queue-stored' }, t('queueStored', { killed: figure(p.stored.killed, p.stored.killedAtLeast),
      injured: figure(p.stored.injured, p.stored.injuredAtLeast), version: p.incidentVersion })));
  }
  (p.claims || []).forEach(cl => box.append(el('div', { class: 'queue-claim' }, t('claim', { claimant: cl.claimant,
    killed: figure(cl.killed, cl.killedAtLeast), injured: figure(cl.injured, cl.injuredAtLeast) }))));
  box.append(sourceBlock(entry.source || {}), highlighted(entry.text || '', p.evidence || []));

  const reason = el('input', { id: 'queue-reason', maxlength: '1000', placeholder: t('queueReason'), 'aria-label': t('queueReason') });
  const form = correctionForm(c);
  const bar = el('div', { class: 'queue-actions' },
    button('queue-accept', 'queueAccept', 'A'), button('queue-correct', 'queueCorrect', 'C'),
    button('queue-reject', 'queueReject', 'R'), button('queue-skip', 'queueSkip', 'S'));
  box.append(bar, reason, form);
  item.append(box);

  const base = '/api/reports/' + entry.reportId + '/candidates/' + entry.candidate + '/';
  const ifMatch = p.proposal === 'update' ? p.incidentVersion : undefined;
  const accept = async corrections => {
    const done = await call('POST', base + 'accept', corrections, ifMatch);
    if (done) { status.textContent = t('queueAccepted', { action: done.action, id: done.incidentId }); next(); }
  };
  actions = {
    accept: () => accept(undefined),
    correct: () => { form.hidden = false; form.querySelector('input').focus(); },
    reject: async () => {
      const done = await call('POST', base + 'reject', { reason: reason.value.trim() || 'rejected in the review queue' });
      if (done) { status.textContent = t('queueRejected'); next(); }
    },
    skip: () => { skipped.add(entryKey(entry)); status.textContent = t('queueSkipped'); next(); },
    reload: () => next()
  };
  bar.querySelector('#queue-accept').addEventListener('click', actions.accept);
  bar.querySelector('#queue-correct').addEventListener('click', actions.correct);
  bar.querySelector('#queue-reject').addEventListener('click', actions.reject);
  bar.querySelector('#queue-skip').addEventListener('click', actions.skip);
  form.addEventListener('submit', e => { e.preventDefault(); const changed = corrections(form, c); accept(changed); });
  form.addEventListener('keydown', e => {
    if (e.key === 'Escape') { e.preventDefault(); form.hidden = true; bar.querySelector('#queue-correct').focus(); }
  });
  if (!panel.hidden && (document.activeElement === document.body || panel.contains(document.activeElement))) { heading.focus(); }
}

// The fields an editor may correct, as the accept endpoint names them (the flat incident form).
const FIELDS = [
  { name: 'placeName', words: 'queuePlace', type: 'text' },
  { name: 'latitude', words: 'queueLatitude', type: 'number', step: 'any' },
  { name: 'longitude', words: 'queueLongitude', type: 'number', step: 'any' },
  { name: 'occurredOn', words: 'queueDate', type: 'date' },
  { name: 'killed', words: 'killed', type: 'number', step: '1', min: '0' },
  { name: 'injured', words: 'injured', type: 'number', step: '1', min: '0' }
];

function proposed(c, name) {
  const coordinates = c.geometry ? c.geometry.coordinates : null;
  if (name === 'latitude') { return coordinates ? coordinates[1] : null; }
  if (name === 'longitude') { return coordinates ? coordinates[0] : null; }
  return c.properties[name];
}

function correctionForm(c) {
  const form = el('form', { id: 'queue-correct-form', hidden: '' });
  FIELDS.forEach(f => {
    const attrs = { id: 'queue-fix-' + f.name, name: f.name, type: f.type };
    if (f.step) { attrs.step = f.step; }
    if (f.min) { attrs.min = f.min; }
    const input = el('input', attrs);
    const value = proposed(c, f.name);
    input.value = value === null || value === undefined ? '' : String(value);
    form.append(el('label', {}, t(f.words) + ' ', input));
    if (f.name === 'killed' || f.name === 'injured') {
      const box = el('input', { id: 'queue-fix-' + f.name + 'AtLeast', name: f.name + 'AtLeast', type: 'checkbox' });
      box.checked = Boolean(c.properties[f.name + 'AtLeast']);
      form.append(el('label', { class: 'queue-at-least' }, box, ' ' + t('queueKilledAtLeastBox')));
    }
  });
  form.append(el('button', { id: 'queue-save', type: 'submit' }, t('queueSaveCorrected') + ' (Enter)'),
    el('button', { id: 'queue-cancel', type: 'button' }, t('queueCancel') + ' (Esc)'));
  form.querySelector('#queue-cancel').addEventListener('click', () => { form.hidden = true; });
  return form;
}

/** The corrections the form holds: only what differs from the proposal; an emptied figure is unknown (null). */
function corrections(form, c) {
  const out = {};
  FIELDS.forEach(f => {
    const text = form.elements[f.name].value.trim();
    const value = text === '' ? null : f.type === 'number' ? Number(text) : text;
    if (value !== (proposed(c, f.name) ?? null)) { out[f.name] = value; }
    if (f.name === 'killed' || f.name === 'injured') {
      const atLeast = form.elements[f.name + 'AtLeast'].checked;
      if (atLeast !== Boolean(c.properties[f.name + 'AtLeast'])) { out[f.name + 'AtLeast'] = atLeast; }
    }
  });
  // a moved point is sent whole; an emptied coordinate goes as null, for incident-service to refuse by name
  if ('latitude' in out || 'longitude' in out) {
    ['latitude', 'longitude'].forEach(name => {
      const text = form.elements[name].value.trim();
      out[name] = text === '' ? null : Number(text);
    });
  }
  return out;
}

const typing = target => target instanceof HTMLElement
  && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
document.addEventListener('keydown', e => {
  if (panel.hidden || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) { return; }
  const action = SHORTCUTS[e.code];
  if (!action || (!actions[action] && action !== 'reload')) { return; }
  e.preventDefault();
  (actions[action] || next)();
});
