// The web map's base map, drawn from the service's own vector tiles (/tiles/{z}/{x}/{y}.mvt?layers=countries,borders).
//
// Why tiles and a small decoder rather than GeoJSON: the page used to download every country's full
// GeoJSON (12.6 MB) before it was interactive. Tiles load only what is in view, simplified to the zoom (a
// few tens of kB for the first view), are cached by the browser and the server (ETag), and are the same
// tiles GIS clients get. MapLibre would need an npm build step; an MVT decoder is ~100 lines of protobuf
// reading, and Leaflet's GridLayer draws each tile on a canvas.
import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';

// ------------------------------------------------------------------ MVT 2.1 decoding (protobuf wire format)

/** A protobuf reader over bytes: varints, length-delimited fields, packed varints. */
class Pbf {
  constructor(buf) { this.buf = buf; this.pos = 0; }

  varint() {
    let v = 0; let shift = 0; let b;
    do {
      b = this.buf[this.pos++];
      v += (b & 0x7f) * 2 ** shift; // multiplication, not <<: values above 2^31 stay exact
      shift += 7;
    } while (b >= 0x80);
    return v;
  }

  bytes() { const n = this.varint(); const s = this.buf.subarray(this.pos, this.pos + n); this.pos += n; return s; }

  skip(wire) {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.pos += this.varint();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported protobuf wire type ${wire}`);
  }

  packed() { const end = this.varint() + this.pos; const out = []; while (this.pos < end) out.push(this.varint()); return out; }
}

const utf8 = new TextDecoder();
const zigzag = (n) => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);

function readValue(bytes) {
  const p = new Pbf(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let v = null;
  while (p.pos < bytes.length) {
    const tag = p.varint(); const field = tag >> 3; const wire = tag & 7;
    if (field === 1) v = utf8.decode(p.bytes());
    else if (field === 2) { v = view.getFloat32(p.pos, true); p.pos += 4; }
    else if (field === 3) { v = view.getFloat64(p.pos, true); p.pos += 8; }
    else if (field === 4 || field === 5) v = p.varint();
    else if (field === 6) v = zigzag(p.varint());
    else if (field === 7) v = p.varint() !== 0;
    else p.skip(wire);
  }
  return v;
}

/** Geometry commands to rings or lines of [x, y] in tile units (MVT 2.1 §4.3). */
function readGeometry(cmds) {
  const parts = []; let part = null; let x = 0; let y = 0;
  for (let i = 0; i < cmds.length;) {
    const c = cmds[i++]; const id = c & 7; const count = c >> 3;
    if (id === 7) { if (part && part.length) part.push(part[0]); continue; } // ClosePath
    for (let k = 0; k < count; k++) {
      x += zigzag(cmds[i++]); y += zigzag(cmds[i++]);
      if (id === 1) { part = [[x, y]]; parts.push(part); } else part.push([x, y]);
    }
  }
  return parts;
}

function readFeature(bytes, keys, values) {
  const p = new Pbf(bytes);
  const f = { type: 0, properties: {}, geometry: [] };
  while (p.pos < bytes.length) {
    const tag = p.varint(); const field = tag >> 3; const wire = tag & 7;
    if (field === 2) {
      const tags = p.packed();
      for (let i = 0; i + 1 < tags.length; i += 2) f.properties[keys[tags[i]]] = values[tags[i + 1]];
    } else if (field === 3) f.type = p.varint();
    else if (field === 4) f.geometry = readGeometry(p.packed());
    else p.skip(wire);
  }
  return f;
}

function readLayer(bytes) {
  const p = new Pbf(bytes);
  const layer = { name: '', extent: 4096, features: [] };
  const keys = []; const values = []; const raw = [];
  while (p.pos < bytes.length) {
    const tag = p.varint(); const field = tag >> 3; const wire = tag & 7;
    if (field === 1) layer.name = utf8.decode(p.bytes());
    else if (field === 2) raw.push(p.bytes());
    else if (field === 3) keys.push(utf8.decode(p.bytes()));
    else if (field === 4) values.push(readValue(p.bytes()));
    else if (field === 5) layer.extent = p.varint();
    else p.skip(wire);
  }
  layer.features = raw.map((b) => readFeature(b, keys, values));
  return layer;
}

/** A Mapbox Vector Tile as { layerName: { extent, features: [{ type, properties, geometry }] } }. */
export function decodeMvt(buffer) {
  const bytes = new Uint8Array(buffer);
  const p = new Pbf(bytes);
  const layers = {};
  while (p.pos < bytes.length) {
    const tag = p.varint(); const field = tag >> 3; const wire = tag & 7;
    if (field === 3) { const l = readLayer(p.bytes()); layers[l.name] = l; } else p.skip(wire);
  }
  return layers;
}

// ------------------------------------------------------------------ drawing

/** Signed area of a ring in tile units (screen y down: exterior rings are positive, MVT 2.1 §4.3.4.4). */
function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a / 2;
}

function ringCentroid(ring) {
  let a = 0; let x = 0; let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f; x += (ring[j][0] + ring[i][0]) * f; y += (ring[j][1] + ring[i][1]) * f;
  }
  return a === 0 ? null : [x / (3 * a), y / (3 * a)];
}

/**
 * The base map layer: countries filled by `fillFor(properties)`, borders stroked by `strokeFor(properties)`.
 * `onLabelCandidates(zoom, candidates)` gets, for every drawn tile, each country's largest piece in it
 * (its centroid as a LatLng and its area in square pixels), so the page can label each country once.
 */
export const VectorBaseMap = L.GridLayer.extend({
  options: { tileSize: 256, maxNativeZoom: 14, minNativeZoom: 0, dataset: null, updateWhenZooming: false },

  initialize(options) {
    L.GridLayer.prototype.initialize.call(this, options);
    this.bytesLoaded = 0;
    this.tilesLoaded = 0;
  },

  tileUrl(c) {
    const q = new URLSearchParams({ layers: 'countries,borders' });
    if (this.options.dataset) q.set('dataset', this.options.dataset);
    return `/tiles/${c.z}/${c.x}/${c.y}.mvt?${q}`;
  },

  createTile(coords, done) {
    const size = this.getTileSize();
    const canvas = document.createElement('canvas');
    canvas.width = size.x; canvas.height = size.y;
    fetch(this.tileUrl(coords))
      .then((r) => {
        if (r.status === 204) return null;
        if (!r.ok) throw new Error(`tile ${coords.z}/${coords.x}/${coords.y}: ${r.status}`);
        return r.arrayBuffer();
      })
      .then((buf) => {
        if (buf) {
          this.bytesLoaded += buf.byteLength;
          this.draw(canvas, coords, decodeMvt(buf));
        }
        this.tilesLoaded++;
        done(null, canvas);
      })
      .catch((e) => done(e, canvas));
    return canvas;
  },

  draw(canvas, coords, layers) {
    const ctx = canvas.getContext('2d');
    const candidates = [];
    const countries = layers.countries;
    if (countries) {
      const k = canvas.width / countries.extent;
      for (const f of countries.features) {
        ctx.beginPath();
        let best = null;
        for (const ring of f.geometry) {
          ring.forEach(([x, y], i) => (i ? ctx.lineTo(x * k, y * k) : ctx.moveTo(x * k, y * k)));
          const a = ringArea(ring);
          if (a > 0 && (!best || a > best.area)) best = { ring, area: a };
        }
        ctx.fillStyle = this.options.fillFor(f.properties);
        ctx.fill('evenodd');
        const c = best && ringCentroid(best.ring);
        if (c && !f.properties.part_of) {
          const tileOrigin = L.point(coords.x * canvas.width, coords.y * canvas.height);
          const at = this._map.unproject(tileOrigin.add(L.point(c[0] * k, c[1] * k)), coords.z);
          candidates.push({ code: f.properties.code, name: f.properties.name_en, at, area: best.area * k * k });
        }
      }
    }
    const borders = layers.borders;
    if (borders) {
      const k = canvas.width / borders.extent;
      for (const f of borders.features) {
        const s = this.options.strokeFor(f.properties);
        ctx.strokeStyle = s.color; ctx.lineWidth = s.weight; ctx.globalAlpha = s.opacity ?? 1;
        ctx.lineJoin = 'round'; ctx.lineCap = 'round';
        ctx.beginPath();
        for (const line of f.geometry) line.forEach(([x, y], i) => (i ? ctx.lineTo(x * k, y * k) : ctx.moveTo(x * k, y * k)));
        ctx.stroke();
        ctx.globalAlpha = 1;
      }
    }
    this.options.onLabelCandidates?.(coords.z, candidates);
  },
});
