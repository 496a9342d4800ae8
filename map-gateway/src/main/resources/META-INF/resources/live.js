// Events received since the tiles were loaded, drawn over them one feature at a time: an event adds,
// moves or removes its incident in a GeoJSON source (updateData, never the whole set again) and hides
// the tiles' copy of it (feature state), so an incident is drawn once, where the newest event puts it.
// When the tiles are loaded again with the seq of the newest event they hold every event up to it,
// and the overlay forgets those.
const FRESH_FOR_MS = 60000;

export class LiveOverlay {
  /**
   * @param map the MapLibre map
   * @param tiles the vector source of the incidents, and its layer holding one point per incident
   * @param overlay the GeoJSON source of the live incidents (promoteId 'id')
   */
  constructor(map, tiles, tileLayer, overlay) {
    this.map = map;
    this.tiles = tiles;
    this.tileLayer = tileLayer;
    this.overlay = overlay;
    this.touched = new Map();   // id -> seq of its newest event: the tiles' copy is hidden
    this.shown = new Map();     // id -> the Feature drawn in the overlay
    this.fresh = new Map();     // id -> timer that ends its highlight
  }

  get size() { return this.touched.size; }

  /** One event: its incident is drawn here when the filters let it through, and hidden in the tiles in any case. */
  apply(feature, seq, passes) {
    const id = feature.id;
    this.touched.set(id, seq);
    this.map.setFeatureState({ source: this.tiles, sourceLayer: this.tileLayer, id }, { live: true });
    // A retracted incident fails the filters unless they ask for retracted ones.
    if (feature.geometry && passes(feature)) {
      this.shown.set(id, feature);
      this.map.getSource(this.overlay).updateData({ add: [drawn(feature)] });
      this.highlight(id);
      return;
    }
    if (this.shown.delete(id)) this.map.getSource(this.overlay).updateData({ remove: [id] });
  }

  /** The filters changed: the overlay keeps only what passes the new ones (it holds few features). */
  refilter(passes) {
    const add = [];
    for (const [id, feature] of this.shown) {
      if (passes(feature)) add.push(drawn(feature)); else this.shown.delete(id);
    }
    this.map.getSource(this.overlay).updateData({ removeAll: true, add });
  }

  /** The tiles now reflect every event up to {@code seq}: those leave the overlay and the tiles' copies show again. */
  forgetUpTo(seq) {
    const remove = [];
    for (const [id, at] of this.touched) {
      if (at > seq) continue;
      this.touched.delete(id);
      this.map.removeFeatureState({ source: this.tiles, sourceLayer: this.tileLayer, id });
      if (this.shown.delete(id)) remove.push(id);
    }
    if (remove.length) this.map.getSource(this.overlay).updateData({ remove });
  }

  /** The full Feature of a live incident (with sources and claims), or undefined. */
  feature(id) { return this.shown.get(id); }

  highlight(id) {
    clearTimeout(this.fresh.get(id));
    this.map.setFeatureState({ source: this.overlay, id }, { fresh: true });
    this.fresh.set(id, setTimeout(() => {
      this.fresh.delete(id);
      this.map.setFeatureState({ source: this.overlay, id }, { fresh: false });
    }, FRESH_FOR_MS));
  }
}

/** What the overlay's layers need of a Feature: flat properties, the same names as the tiles' points. */
function drawn(feature) {
  const p = feature.properties || {};
  return {
    type: 'Feature', geometry: feature.geometry,
    properties: {
      id: feature.id, eventType: p.eventType, subEventType: p.subEventType, occurredOn: p.occurredOn,
      placeName: p.placeName, admin1: p.admin1, killed: p.killed ?? undefined, killedAtLeast: p.killedAtLeast,
      injured: p.injured ?? undefined, injuredAtLeast: p.injuredAtLeast, status: p.status
    }
  };
}
