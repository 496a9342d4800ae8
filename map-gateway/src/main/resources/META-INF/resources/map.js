// The map draws the incidents from the gateway's vector tiles (aggregates at low zoom, one point per
// incident from the zoom the tileset says), the events streamed since the tiles were loaded over
// them (live.js), and the view's totals from /api/stats. Nothing here holds the whole layer.
import { Map as MapLibre, Marker, Popup, NavigationControl, ScaleControl, AttributionControl, setWorkerUrl } from '/maplibre/maplibre-gl.js';
import { LiveOverlay } from '/live.js';
import * as filters from '/filters.js';
import { t, typeName, statusName, translatePage, switchLanguage, lang } from '/i18n.js';
import { placeSearch } from '/search.js';
import { sourceMarks } from '/source-marks.js';

const COLOURS = {
  'Explosions/Remote violence': '#d62728', 'Battles': '#ff7f0e', 'Violence against civilians': '#9467bd',
  'Strategic developments': '#1f77b4', 'Protests': '#2ca02c', 'Riots': '#8c564b'
};
const TILESET = '/ogc/collections/incidents/tiles/WebMercatorQuad';
// The overlay is drawn over tiles that do not hold its events; past this many the tiles are loaded again.
const OVERLAY_LIMIT = 200;
const $ = id => document.getElementById(id);

setWorkerUrl('/maplibre/maplibre-gl-worker.js');
translatePage();
$('lang').addEventListener('click', switchLanguage);
$('play').setAttribute('aria-label', t('play'));

const colour = ['match', ['get', 'eventType'], ...Object.entries(COLOURS).flat(), '#555'];
const radius = ['+', 5, ['min', 20, ['*', 3, ['sqrt', ['coalesce', ['get', 'killed'], 0]]]]];

function figure(n, atLeast) { return n === null || n === undefined ? t('unknown') : (atLeast ? t('atLeast', { n }) : String(n)); }
function esc(s) { return String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c])); }
function debounce(fn, ms) { let t; return (...a) => { clearTimeout(t); t = setTimeout(() => fn(...a), ms); }; }

// An optional #lat,lon,zoom in the address opens the map on that view (links to a place).
const view = location.hash.slice(1).split(',').map(Number);
const linked = view.length === 3 && view.every(Number.isFinite);

const [config, tileJson] = await Promise.all([
  fetch('/api/map-config').then(r => r.json()),
  fetch(TILESET + '?f=tilejson').then(r => r.json())
]);
const pointsFrom = tileJson.vector_layers.find(l => l.id === 'incidents').minzoom;
const tileTemplate = tileJson.tiles[0].split('?')[0];

const map = new MapLibre({
  container: 'map',
  center: linked ? [view[1], view[0]] : [32, 48.5],
  zoom: linked ? view[2] : 5,
  attributionControl: false,
  style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#cfdde6' } }] }
});
map.addControl(new AttributionControl({ compact: false,
  customAttribution: 'Boundaries: <a href="https://www.naturalearthdata.com/">Natural Earth</a> · Places: <a href="https://www.geonames.org/">GeoNames</a>' + (config.tileAttribution ? ' · ' + config.tileAttribution : '') }));
map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
window.incidentMap = map;
placeSearch(map, $('place-search'), $('place-results'), $('place-status'));

let seq = 0;          // the newest event seq the page has seen
let filter = null;    // the filters the tiles were last asked with
let overlay = null;

await new Promise(resolve => map.on('load', resolve));

if (config.tileUrl) {
  map.addSource('basemap', { type: 'raster', tiles: [config.tileUrl], tileSize: 256 });
  map.addLayer({ id: 'basemap', type: 'raster', source: 'basemap' });
}

// Natural Earth outlines ship inside the gateway, so the map has countries and oblasts with no tile server.
async function outlines(url, object) {
  const topology = await fetch(url).then(r => r.ok ? r.json() : null).catch(() => null);
  return topology ? topojson.feature(topology, topology.objects[object]) : { type: 'FeatureCollection', features: [] };
}
const [countries, oblasts] = await Promise.all([
  outlines('/outlines/countries.topo.json', 'countries'), outlines('/outlines/ukraine-oblasts.topo.json', 'ukr')]);
map.addSource('countries', { type: 'geojson', data: countries });
map.addSource('oblasts', { type: 'geojson', data: oblasts });
if (!config.tileUrl) map.addLayer({ id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f4f2ec' } });
map.addLayer({ id: 'oblast-outlines', type: 'line', source: 'oblasts', paint: { 'line-color': '#888', 'line-width': 0.6 } });
map.addLayer({ id: 'country-outlines', type: 'line', source: 'countries', paint: { 'line-color': '#666', 'line-width': 1.2 } });

// Oblast centres and towns from the gazetteer, as HTML labels: text in the canvas would need glyphs
// from a font server. Smaller places show from nearer zooms (CSS on the map's data-band).
const places = await fetch('/places/ukraine-places.json').then(r => r.json()).catch(() => ({ features: [] }));
for (const place of places.features) {
  const label = document.createElement('div');
  label.className = 'place-label ' + place.properties.rank;
  label.textContent = place.properties.name;
  new Marker({ element: label, anchor: 'left' }).setLngLat(place.geometry.coordinates).addTo(map);
}
function zoomBand() { const z = map.getZoom(); map.getContainer().dataset.band = z < 6 ? 'far' : z < 8 ? 'mid' : 'near'; }
map.on('zoom', zoomBand);
zoomBand();

function tileUrl() {
  const q = filters.params(filter);
  q.set('seq', String(seq));
  return tileTemplate + '?' + q;
}

// The server's view totals are the tiles' seq too: tiles asked with it reflect at least that event,
// and the stream starts after it (snapshot plus deltas).
filter = filters.current(config.timelineStart);
const first = await fetch('/api/stats?' + filters.params(filter)).then(r => r.json());
seq = first.seq || 0;

map.addSource('incidents', { type: 'vector', tiles: [tileUrl()], minzoom: tileJson.minzoom, maxzoom: tileJson.maxzoom,
  promoteId: 'id' });
map.addLayer({ id: 'clusters', type: 'circle', source: 'incidents', 'source-layer': 'clusters', paint: {
  'circle-color': ['interpolate', ['linear'], ['get', 'killed'], 0, '#8a8a8a', 10, '#d08a3c', 100, '#c0392b', 1000, '#6e0f08'],
  'circle-opacity': 0.75,
  'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, 5, 10, 16, 40, 30],
  'circle-stroke-color': '#fff', 'circle-stroke-width': 1
} });
map.addLayer({ id: 'incidents', type: 'circle', source: 'incidents', 'source-layer': 'incidents', paint: {
  'circle-color': colour, 'circle-radius': radius,
  // An incident that has had an event since these tiles were made is drawn by the overlay instead.
  'circle-opacity': ['case', ['boolean', ['feature-state', 'live'], false], 0, 0.7],
  'circle-stroke-opacity': ['case', ['boolean', ['feature-state', 'live'], false], 0, 1],
  'circle-stroke-color': colour, 'circle-stroke-width': 1
} });
map.addSource('live', { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' });
map.addLayer({ id: 'live-halo', type: 'circle', source: 'live', paint: {
  'circle-color': '#000', 'circle-radius': ['+', 6, radius],
  'circle-opacity': ['case', ['boolean', ['feature-state', 'fresh'], false], 0.25, 0]
} });
map.addLayer({ id: 'live-incidents', type: 'circle', source: 'live', paint: {
  'circle-color': colour, 'circle-radius': radius, 'circle-opacity': 0.8,
  'circle-stroke-color': ['case', ['boolean', ['feature-state', 'fresh'], false], '#000', colour],
  'circle-stroke-width': ['case', ['boolean', ['feature-state', 'fresh'], false], 3, 1]
} });
overlay = new LiveOverlay(map, 'incidents', 'incidents', 'live');

// Loads the tiles again with the current filters and seq; once they are drawn they hold every event
// up to that seq, and the overlay lets go of those.
let reloading = false;
function reloadTiles() {
  const upTo = seq;
  reloading = true;
  map.getSource('incidents').setTiles([tileUrl()]);
  map.once('idle', () => { reloading = false; overlay.forgetUpTo(upTo); });
}

// ---- counters of the view, counted by the server
function bbox() {
  const b = map.getBounds();
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
    .map(v => v.toFixed(5)).join(',');
}
// A sum with unknown figures in it is a lower bound; when no figure is known it is unknown, not 0.
function total(totals, k) {
  if (totals.incidents === 0) return '0';
  if (totals[k + 'Unknown'] === totals.incidents) return t('unknown');
  return totals[k + 'AtLeast'] || totals[k + 'Unknown'] > 0 ? t('atLeast', { n: totals[k] }) : String(totals[k]);
}
// The view's incidents as the layer endpoints give them (the first 10,000, newest first).
function downloadLinks(q) {
  const items = new URLSearchParams(q);
  items.set('limit', '10000');
  $('download-geojson').href = '/ogc/collections/incidents/items?' + items;
  items.set('f', 'csv');
  $('download-csv').href = '/ogc/collections/incidents/items?' + items;
  items.set('f', 'kml');
  $('download-kml').href = '/ogc/collections/incidents/items?' + items;
}
let countersAsked = 0;
const refreshCounters = debounce(async () => {
  const asked = ++countersAsked;
  const q = filters.params(filter);
  q.set('bbox', bbox());
  downloadLinks(q);
  const totals = await fetch('/api/stats?' + q).then(r => r.ok ? r.json() : null).catch(() => null);
  if (!totals || asked !== countersAsked) return;
  $('counters').textContent = t('counters', { incidents: totals.incidents, killed: total(totals, 'killed'), injured: total(totals, 'injured') });
}, 250);
map.on('moveend', refreshCounters);
refreshCounters();

// ---- filters and the time slider, sent to the server as tile parameters
const select = $('f-type');
select.innerHTML = `<option value="">${esc(t('all'))}</option>` + Object.keys(COLOURS).map(type => `<option value="${esc(type)}">${esc(typeName(type))}</option>`).join('');
const days = Math.floor((Date.now() - Date.parse(config.timelineStart + 'T00:00:00Z')) / 86400000);
$('f-time').max = String(Math.max(0, days));
$('f-time').value = $('f-time').max;
// A screen reader announces the day the slider stands on, not its position in days.
function timeLabel() {
  const day = filters.sliderDay(config.timelineStart) || t('today');
  $('f-time-label').textContent = day;
  $('f-time').setAttribute('aria-valuetext', day);
}
timeLabel();
function applyFilters() {
  filter = filters.current(config.timelineStart);
  overlay.refilter(f => filters.matches(filter, f));
  reloadTiles();
  refreshCounters();
}
const applySoon = debounce(applyFilters, 300);
['f-type', 'f-status', 'f-from', 'f-to', 'f-killed'].forEach(id => $(id).addEventListener('change', applyFilters));
$('f-time').addEventListener('input', () => { timeLabel(); applySoon(); });

let playing = null;
function stopPlaying() { clearInterval(playing); playing = null; $('play').textContent = '▶'; }
$('play').onclick = () => {
  if (playing) { stopPlaying(); return; }
  const slider = $('f-time'), step = Math.max(1, Math.ceil(+slider.max / 40));
  slider.value = '0'; $('play').textContent = '■';
  timeLabel(); applyFilters();
  playing = setInterval(() => {
    if (+slider.value >= +slider.max) { stopPlaying(); return; }
    slider.value = String(Math.min(+slider.max, +slider.value + step));
    timeLabel(); applyFilters();
  }, 1200);
};

$('legend').innerHTML = `<b>${esc(t('legendType'))}</b>` + Object.entries(COLOURS).map(([type, c]) =>
  `<div class="legend-item"><span class="swatch" style="background:${c}"></span>${esc(typeName(type))}</div>`).join('')
  + `<div>${esc(t('legendSize'))}</div>`
  + `<div class="legend-item"><span class="swatch cluster-swatch"></span>${esc(t('legendCells', { z: pointsFrom }))}</div>`
  + `<div class="legend-item"><span class="swatch fresh-swatch"></span>${esc(t('legendFresh'))}</div>`
  + `<p class="keys">${esc(t('keys'))}</p>`;

// ---- popups: the tiles and the overlay carry the popup's fields; sources, claims and history are read on opening
function popupHtml(id, p) {
  return `<div class="popup" data-id="${esc(id)}"><h3>${esc(p.subEventType || typeName(p.eventType))}</h3>
    <div>${esc(p.occurredOn)} · ${esc(p.placeName)}${p.admin1 ? ', ' + esc(p.admin1) : ''}</div>
    <div>${esc(t('killed'))}: ${figure(p.killed, p.killedAtLeast)} · ${esc(t('injured'))}: ${figure(p.injured, p.injuredAtLeast)}</div>
    <div>${esc(t('status'))}: ${esc(statusName(p.status))}</div>
    <div class="sources"></div><div class="claims"></div>
    <b>${esc(t('history'))}</b><ul class="history"><li>${esc(t('loading'))}</li></ul></div>`;
}
function fillDetails(el, feature) {
  const p = feature.properties || {};
  const sources = (p.sources || []).map(s => `<li><a href="${esc(s.url)}" target="_blank" rel="noopener">${esc(s.outlet)}</a> ${sourceMarks(s, lang)} ${esc(s.excerpt)}</li>`).join('');
  const claims = (p.claims || []).map(c => `<li>${esc(t('claim', { claimant: c.claimant,
    killed: figure(c.killed, c.killedAtLeast), injured: figure(c.injured, c.injuredAtLeast) }))}</li>`).join('');
  el.querySelector('.sources').innerHTML = sources ? `<b>${esc(t('sources'))}</b><ul>${sources}</ul>` : '';
  el.querySelector('.claims').innerHTML = claims ? `<b>${esc(t('claims'))}</b><ul>${claims}</ul>` : '';
  el.dataset.details = 'read';
}
// The incident's Feature from the layer; a failed read (an upstream hiccup, a cut body) is tried once more
// before the popup says its details are unavailable, so a reader does not take a missing claim for none.
function readFeature(id, attempt = 0) {
  return fetch('/ogc/collections/incidents/items/' + encodeURIComponent(id))
    .then(r => { if (!r.ok) throw new Error('status ' + r.status); return r.json(); })
    .catch(e => attempt > 0 ? Promise.reject(e)
      : new Promise(resolve => setTimeout(resolve, 300)).then(() => readFeature(id, attempt + 1)));
}
function openIncident(lngLat, id, props) {
  const popup = new Popup({ maxWidth: '360px' }).setLngLat(lngLat).setHTML(popupHtml(id, props)).addTo(map);
  const el = popup.getElement().querySelector('.popup');
  const live = overlay.feature(id);
  (live ? Promise.resolve(live) : readFeature(id))
    .then(f => fillDetails(el, f)).catch(() => {
      el.querySelector('.sources').textContent = t('unavailable');
      el.dataset.details = 'unavailable';
    });
  fetch('/api/incidents/' + encodeURIComponent(id) + '/history').then(r => r.json()).then(h => {
    const revisions = Array.isArray(h) ? h : (h.revisions || []);
    el.querySelector('.history').innerHTML = revisions.map(r =>
      `<li>v${esc(r.version)} ${esc(r.changedAt || r.at || '')} ${esc(r.changedBy || r.by || '')}</li>`).join('') || `<li>${esc(t('none'))}</li>`;
    el.dataset.history = 'read';
  }).catch(() => { el.querySelector('.history').innerHTML = `<li>${esc(t('unavailable'))}</li>`; el.dataset.history = 'read'; });
}
function openCluster(lngLat, p) {
  const unknown = n => n ? ' ' + esc(t('withoutFigure', { n })) : '';
  new Popup({ maxWidth: '300px' }).setLngLat(lngLat).setHTML(`<div class="popup cluster-popup"><h3>${esc(t('cellIncidents', { n: p.count }))}</h3>
    <div>${esc(t('killed'))}: ${figure(p.killed, p.killedAtLeast)}${unknown(p.killedUnknown)}</div>
    <div>${esc(t('injured'))}: ${figure(p.injured, p.injuredAtLeast)}${unknown(p.injuredUnknown)}</div>
    <button type="button" class="zoom-in">${esc(t('zoomIn'))}</button></div>`).addTo(map)
    .getElement().querySelector('.zoom-in').addEventListener('click', () => map.easeTo({ center: lngLat, zoom: Math.min(pointsFrom, map.getZoom() + 2) }));
}
// The drawn incident or cell nearest to a point of the map (a click, or the centre for the keyboard).
function open(point, box) {
  const hits = map.queryRenderedFeatures(box, { layers: ['live-incidents', 'incidents', 'clusters'] })
    .filter(f => !(f.layer.id === 'incidents' && f.state.live));
  const distance = f => { const p = map.project(f.geometry.coordinates); return Math.hypot(p.x - point.x, p.y - point.y); };
  const hit = hits.sort((a, b) => distance(a) - distance(b))[0];
  if (!hit) return;
  const lngLat = hit.geometry.coordinates;
  if (hit.layer.id === 'clusters') openCluster(lngLat, hit.properties); else openIncident(lngLat, hit.properties.id, hit.properties);
}
map.on('click', e => open(e.point, e.point));
// Keyboard: MapLibre pans with the arrows and zooms with + and −; Enter opens what is at the centre.
map.getCanvas().addEventListener('keydown', e => {
  if (e.key !== 'Enter') return;
  const c = map.project(map.getCenter());
  open(c, [[c.x - 40, c.y - 40], [c.x + 40, c.y + 40]]);
});
['live-incidents', 'incidents', 'clusters'].forEach(layer => {
  map.on('mouseenter', layer, () => { map.getCanvas().style.cursor = 'pointer'; });
  map.on('mouseleave', layer, () => { map.getCanvas().style.cursor = ''; });
});

// ---- the live stream, from the seq the tiles reflect
function stream() {
  const source = new EventSource('/stream?since=' + seq);
  const apply = e => {
    const feature = JSON.parse(e.data);
    seq = Math.max(seq, +e.lastEventId);
    document.body.dataset.seq = String(seq);
    overlay.apply(feature, seq, f => filters.matches(filter, f));
    if (overlay.size >= OVERLAY_LIMIT && !reloading) reloadTiles();
    refreshCounters();
  };
  ['incident.created', 'incident.updated', 'incident.retracted'].forEach(k => source.addEventListener(k, apply));
  source.addEventListener('reset', e => {
    source.close();
    seq = Math.max(seq, JSON.parse(e.data).headSeq || 0);
    reloadTiles();
    refreshCounters();
    stream();
  });
  source.onopen = () => { $('live').textContent = t('live'); $('live').className = 'on'; };
  source.onerror = () => {
    $('live').textContent = t('reconnecting'); $('live').className = 'off';
    if (source.readyState === EventSource.CLOSED) setTimeout(stream, 2000);
  };
}
stream();
