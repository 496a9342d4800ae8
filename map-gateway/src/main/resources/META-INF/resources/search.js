// The place search: a combobox (WAI-ARIA 1.2 pattern, list autocomplete) that asks the gateway's
// /api/places as one types and flies the map to the place chosen. Typing waits for a pause before it
// asks, and a newer request aborts the one before, so a slow answer for "Kh" never replaces "Khar"'s.
import { t } from '/i18n.js';

const PAUSE_MS = 200;
const LIMIT = 8;
const SETTLEMENT_ZOOM = 11;
const REGION_ZOOM = 7;

export function placeSearch(map, input, list, status) {
  let places = [];
  let active = -1;
  let asking = null;
  let timer = null;

  function open(isOpen) {
    list.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) highlight(-1);
  }
  function highlight(i) {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }
  function show(found) {
    places = found;
    list.replaceChildren(...found.map((p, i) => {
      const li = document.createElement('li');
      li.id = 'place-option-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      const name = document.createElement('span');
      name.className = 'place-name';
      name.textContent = p.name;
      const where = document.createElement('span');
      where.className = 'place-where';
      where.textContent = [p.precision === 'region' ? t('region') : p.admin1, p.country].filter(Boolean).join(', ');
      li.append(name, ' ', where);
      // mousedown, not click: the input's blur (which closes the list) comes before a click
      li.addEventListener('mousedown', e => { e.preventDefault(); choose(i); });
      return li;
    }));
    status.textContent = found.length ? t('placesFound', { n: found.length }) : t('noPlaces');
    open(found.length > 0);
    highlight(found.length ? 0 : -1);
  }
  function choose(i) {
    const p = places[i];
    if (!p) return;
    input.value = p.name;
    open(false);
    status.textContent = t('placeChosen', { name: p.name });
    map.flyTo({ center: [p.lon, p.lat], zoom: p.precision === 'region' ? REGION_ZOOM : SETTLEMENT_ZOOM });
  }
  async function ask(q) {
    if (asking) asking.abort();
    const mine = asking = new AbortController();
    try {
      const r = await fetch('/api/places?' + new URLSearchParams({ q, limit: String(LIMIT) }), { signal: mine.signal });
      const body = await r.json();
      if (mine !== asking) return;
      if (r.ok) show(body.places);
      else { show([]); status.textContent = r.status === 503 ? t('searchUnavailable') : (body.detail || t('noPlaces')); }
    } catch (e) {
      if (e.name !== 'AbortError' && mine === asking) { show([]); status.textContent = t('searchUnavailable'); }
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) { if (asking) asking.abort(); asking = null; places = []; list.replaceChildren(); open(false); status.textContent = ''; return; }
    timer = setTimeout(() => ask(q), PAUSE_MS);
  });
  input.addEventListener('keydown', e => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!places.length) return;
      if (list.hidden) { open(true); highlight(e.key === 'ArrowDown' ? 0 : places.length - 1); return; }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + places.length) % places.length);
    } else if (e.key === 'Enter') {
      if (!list.hidden && active >= 0) { e.preventDefault(); choose(active); }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (!list.hidden) open(false);
      else { input.value = ''; input.dispatchEvent(new Event('input')); }
    }
  });
  input.addEventListener('blur', () => open(false));
  // "/" goes to the search from anywhere on the page but a text field, as on most sites with one.
  document.addEventListener('keydown', e => {
    const typing = e.target.closest && e.target.closest('input, textarea, select, [contenteditable]');
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); input.focus(); }
  });
}
