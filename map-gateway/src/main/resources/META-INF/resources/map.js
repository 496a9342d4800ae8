// The map loads the incidents layer, remembers the event seq that layer reflects, then streams
// every later event from that seq: snapshot plus deltas, no gap, no duplicate.
(function () {
  const COLOURS = {
    'Explosions/Remote violence': '#d62728', 'Battles': '#ff7f0e', 'Violence against civilians': '#9467bd',
    'Strategic developments': '#1f77b4', 'Protests': '#2ca02c', 'Riots': '#8c564b'
  };
  const incidents = new Map();
  const fresh = new Set();
  let lastSeq = 0;
  // An optional #lat,lon,zoom in the address opens the map on that view (links to a place).
  const view = location.hash.slice(1).split(',').map(Number);
  const map = L.map('map', { preferCanvas: false })
    .setView(view.length === 3 && view.every(Number.isFinite) ? [view[0], view[1]] : [48.5, 32], view.length === 3 ? view[2] : 6);
  const layer = L.layerGroup().addTo(map);
  const $ = id => document.getElementById(id);

  // Natural Earth outlines ship inside the gateway, so the map has countries and oblasts with no
  // tile server at all; their own pane keeps them above any basemap and below the markers.
  map.createPane('outlines').style.zIndex = 350;
  const outlineRenderer = L.svg({ pane: 'outlines' });
  map.attributionControl.addAttribution('Boundaries: <a href="https://www.naturalearthdata.com/">Natural Earth</a>');
  function drawOutlines(url, object, className, weight) {
    return fetch(url).then(r => r.ok ? r.json() : null).then(topology => {
      if (!topology) return;
      L.geoJSON(topojson.feature(topology, topology.objects[object]), { pane: 'outlines', renderer: outlineRenderer,
        interactive: false, style: { className, color: '#666', weight, fill: false } }).addTo(map);
    }).catch(() => {});
  }
  drawOutlines('/outlines/countries.topo.json', 'countries', 'outline country-outline', 1.2);
  drawOutlines('/outlines/ukraine-oblasts.topo.json', 'ukr', 'outline oblast-outline', 0.6);

  fetch('/api/map-config').then(r => r.json()).then(cfg => {
    if (cfg.tileUrl) {
      const tiles = L.tileLayer(cfg.tileUrl, { attribution: cfg.tileAttribution || '' });
      tiles.once('tileload', () => tiles.bringToBack());
      tiles.addTo(map);
    }
  }).catch(() => {});

  function colour(type) { return COLOURS[type] || '#555'; }
  function radius(p) { const k = p.killed || 0; return 5 + Math.min(20, Math.sqrt(k) * 3); }
  function figure(n, atLeast) { return n === null || n === undefined ? 'unknown' : (atLeast ? 'at least ' + n : String(n)); }
  function esc(s) { return String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c])); }

  function visible(f) {
    const p = f.properties;
    if ($('f-type').value && p.eventType !== $('f-type').value) return false;
    if ($('f-status').value && p.status !== $('f-status').value) return false;
    if ($('f-from').value && p.occurredOn < $('f-from').value) return false;
    if ($('f-to').value && p.occurredOn > $('f-to').value) return false;
    const until = timeline()[+$('f-time').value];
    if (until && p.occurredOn > until) return false;
    if (!f.geometry) return false;
    return p.status !== 'retracted' || $('f-status').value === 'retracted';
  }

  function timeline() { return [...new Set([...incidents.values()].map(f => f.properties.occurredOn))].sort(); }

  function popup(f) {
    const p = f.properties;
    const sources = (p.sources || []).map(s => `<li><a href="${esc(s.url)}" target="_blank" rel="noopener">${esc(s.outlet)}</a> ${esc(s.excerpt)}</li>`).join('');
    const claims = (p.claims || []).map(c => `<li>${esc(c.claimant)}: killed ${figure(c.killed, c.killedAtLeast)}, injured ${figure(c.injured, c.injuredAtLeast)}</li>`).join('');
    return `<div class="popup"><h3>${esc(p.subEventType || p.eventType)}</h3>
      <div>${esc(p.occurredOn)} · ${esc(p.placeName)}${p.admin1 ? ', ' + esc(p.admin1) : ''}</div>
      <div>Killed: ${figure(p.killed, p.killedAtLeast)} · Injured: ${figure(p.injured, p.injuredAtLeast)}</div>
      <div>Status: ${esc(p.status)}</div>
      ${sources ? '<b>Sources</b><ul>' + sources + '</ul>' : ''}
      ${claims ? '<b>Claims</b><ul>' + claims + '</ul>' : ''}
      <b>History</b><ul class="history" data-id="${esc(f.id)}"><li>loading…</li></ul></div>`;
  }

  function loadHistory(id, el) {
    fetch('/api/incidents/' + encodeURIComponent(id) + '/history').then(r => r.json()).then(h => {
      const revisions = Array.isArray(h) ? h : (h.revisions || []);
      el.innerHTML = revisions.map(r => `<li>v${esc(r.version)} ${esc(r.changedAt || r.at || '')} ${esc(r.changedBy || r.by || '')}</li>`).join('') || '<li>none</li>';
    }).catch(() => { el.innerHTML = '<li>unavailable</li>'; });
  }

  function render() {
    layer.clearLayers();
    const shown = [...incidents.values()].filter(visible);
    const index = new Supercluster({ radius: 50, maxZoom: 11 }).load(shown.map(f => ({ type: 'Feature', geometry: f.geometry, properties: { id: f.id } })));
    const b = map.getBounds();
    for (const c of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], map.getZoom())) {
      const [lon, lat] = c.geometry.coordinates;
      if (c.properties.cluster) {
        const n = c.properties.point_count, size = 24 + Math.min(26, Math.log2(n) * 4);
        L.marker([lat, lon], { icon: L.divIcon({ className: 'cluster', html: `<span style="line-height:${size}px">${n}</span>`, iconSize: [size, size] }) })
          .on('click', () => map.setView([lat, lon], index.getClusterExpansionZoom(c.properties.cluster_id)))
          .addTo(layer);
      } else {
        const f = incidents.get(c.properties.id);
        const m = L.circleMarker([lat, lon], { radius: radius(f.properties), color: fresh.has(f.id) ? '#000' : colour(f.properties.eventType),
          fillColor: colour(f.properties.eventType), fillOpacity: .7, weight: fresh.has(f.id) ? 3 : 1,
          className: 'incident' + (fresh.has(f.id) ? ' new-incident' : '') });
        m.feature = f;
        m.bindPopup(() => popup(f), { maxWidth: 360 });
        m.on('popupopen', e => loadHistory(f.id, e.popup.getElement().querySelector('.history')));
        m.addTo(layer);
      }
    }
    const inView = shown.filter(f => b.contains([f.geometry.coordinates[1], f.geometry.coordinates[0]]));
    // An unknown figure makes the total a lower bound; when no figure is known the total is unknown, not 0.
    const total = k => {
      const known = inView.filter(f => f.properties[k] !== null && f.properties[k] !== undefined);
      if (inView.length === 0) return `0 ${k}`;
      if (known.length === 0) return `unknown ${k}`;
      const sum = known.reduce((s, f) => s + f.properties[k], 0);
      const lowerBound = known.length < inView.length || known.some(f => f.properties[k + 'AtLeast']);
      return `${lowerBound ? 'at least ' : ''}${sum} ${k}`;
    };
    $('counters').textContent = `${inView.length} incidents · ${total('killed')} · ${total('injured')} in view`;
    document.body.dataset.incidents = String(incidents.size);
  }

  function refreshFilters() {
    const types = new Set([...incidents.values()].map(f => f.properties.eventType));
    const select = $('f-type'), current = select.value;
    select.innerHTML = '<option value="">all</option>' + [...types].sort().map(t => `<option>${esc(t)}</option>`).join('');
    select.value = current;
    const days = timeline(), slider = $('f-time');
    const atEnd = +slider.value >= +slider.max;
    slider.max = Math.max(0, days.length - 1);
    if (atEnd) slider.value = slider.max;
    $('f-time-label').textContent = days[+slider.value] || '';
    $('legend').innerHTML = '<b>Event type</b>' + Object.entries(COLOURS).map(([t, c]) => `<div class="legend-item"><span class="swatch" style="background:${c}"></span>${esc(t)}</div>`).join('')
      + '<div>Circle size: people killed</div>';
  }

  async function loadLayer() {
    incidents.clear();
    let url = '/ogc/collections/incidents/items?limit=10000', seq = null;
    while (url) {
      const page = await (await fetch(url)).json();
      if (seq === null) seq = page.seq || 0;
      page.features.forEach(f => incidents.set(f.id, f));
      const next = (page.links || []).find(l => l.rel === 'next');
      url = next ? next.href : null;
    }
    lastSeq = seq;
    refreshFilters();
    render();
  }

  function stream() {
    const source = new EventSource('/stream?since=' + lastSeq);
    const apply = e => {
      const f = JSON.parse(e.data);
      lastSeq = Math.max(lastSeq, +e.lastEventId);
      incidents.set(f.id, f);
      fresh.add(f.id);
      setTimeout(() => { fresh.delete(f.id); render(); }, 60000);
      refreshFilters();
      render();
    };
    ['incident.created', 'incident.updated', 'incident.retracted'].forEach(k => source.addEventListener(k, apply));
    source.addEventListener('reset', () => { source.close(); loadLayer().then(stream); });
    source.onopen = () => { $('live').textContent = 'live'; $('live').className = 'on'; };
    source.onerror = () => {
      $('live').textContent = 'reconnecting…'; $('live').className = 'off';
      if (source.readyState === EventSource.CLOSED) { setTimeout(stream, 2000); }
    };
  }

  let playing = null;
  $('play').onclick = () => {
    if (playing) { clearInterval(playing); playing = null; $('play').textContent = '▶'; return; }
    $('f-time').value = 0; $('play').textContent = '■';
    playing = setInterval(() => {
      const s = $('f-time');
      if (+s.value >= +s.max) { clearInterval(playing); playing = null; $('play').textContent = '▶'; return; }
      s.value = +s.value + 1; s.dispatchEvent(new Event('input'));
    }, 400);
  };
  ['f-type', 'f-status', 'f-from', 'f-to'].forEach(id => $(id).addEventListener('change', render));
  $('f-time').addEventListener('input', () => { $('f-time-label').textContent = timeline()[+$('f-time').value] || ''; render(); });
  map.on('moveend', render);
  loadLayer().then(stream).catch(() => setTimeout(() => loadLayer().then(stream), 3000));
})();
