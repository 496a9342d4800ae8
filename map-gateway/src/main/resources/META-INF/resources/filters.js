// The filters of the page as the gateway's tile and counter parameters, and the same rule applied to
// the one feature a live event carries (the tiles are filtered by the server, the live overlay here).
const $ = id => document.getElementById(id);

/** The day the time slider stands on, or '' when it is at its end (no upper bound). */
export function sliderDay(timelineStart) {
  const slider = $('f-time');
  if (+slider.value >= +slider.max) return '';
  const day = new Date(timelineStart + 'T00:00:00Z');
  day.setUTCDate(day.getUTCDate() + +slider.value);
  return day.toISOString().slice(0, 10);
}

/** The current filters: eventType, status, minKilled and the interval [start, end] of days. */
export function current(timelineStart) {
  const to = $('f-to').value, until = sliderDay(timelineStart);
  const end = to && until ? (to < until ? to : until) : (to || until);
  const killed = $('f-killed').value;
  return {
    eventType: $('f-type').value, status: $('f-status').value,
    minKilled: killed === '' ? null : Math.max(0, Math.floor(+killed)),
    start: $('f-from').value, end
  };
}

/** The filters as query parameters of /ogc/.../tiles and /api/stats. */
export function params(f) {
  const q = new URLSearchParams();
  if (f.start || f.end) q.set('datetime', (f.start || '..') + '/' + (f.end || '..'));
  if (f.eventType) q.set('eventType', f.eventType);
  if (f.status) q.set('status', f.status);
  if (f.minKilled !== null) q.set('minKilled', String(f.minKilled));
  return q;
}

/** Whether an incident (a GeoJSON Feature from the stream) passes the filters, as the server decides for tiles. */
export function matches(f, feature) {
  const p = feature.properties || {};
  const day = String(p.occurredOn || '').slice(0, 10);
  if (f.eventType && p.eventType !== f.eventType) return false;
  if (f.status ? p.status !== f.status : p.status === 'retracted') return false;
  if (f.minKilled !== null && !(p.killed !== null && p.killed !== undefined && p.killed >= f.minKilled)) return false;
  if (f.start && day < f.start) return false;
  if (f.end && day > f.end) return false;
  return true;
}
