// Borderline web map. Plain ES module, no build step; Leaflet comes from the service's own WebJar.
// Every number shown comes from the service's API; the map only draws its answers.
import * as L from '/webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { VectorBaseMap } from '/web/basemap.js';

// Content-Security-Policy violations, for the browser test (the policy forbids inline script and style).
const cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || ''})`);
});
window.borderlineCspViolations = cspViolations;

const TARGETS = [
  { code: 'BLR', name: 'Belarus', cls: 'blr' },
  { code: 'RUS', name: 'Russia', cls: 'rus' },
];
const COUNTRY_CLASS = { BLR: 'blr', RUS: 'rus', 'RUS-KGD': 'rus' };
const COLORS = {
  land: '#f4f1ea', blr: '#efd5c3', rus: '#ecd3d6', border: '#4b3f63',
  coverage: '#d9480f', site: '#1f3a5f', claim: '#b00020', line: { BLR: '#8a3b12', RUS: '#7a1630' },
};
const DEBOUNCE_MS = 300;
const MAX_RETRIES = 8;
const SITE_RADIUS = { capital: 6, city: 4.5 };

const dataset = new URLSearchParams(location.search).get('dataset');
const el = (id) => document.getElementById(id);
const nf = (digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const kmFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });

// ------------------------------------------------------------------ HTTP

class ApiError extends Error {
  constructor(status, detail, retryAfterS, type = null) {
    super(detail);
    this.status = status;
    this.retryAfterS = retryAfterS;
    this.type = type; // the problem's type (RFC 9457), e.g. urn:borderline:problem:coverage-too-costly
  }
}

/** The problem type of a coverage the server refuses up front: its estimated cost exceeds the limit. */
const TOO_COSTLY = 'urn:borderline:problem:coverage-too-costly';

/** The API URL for path with query; the page's dataset (from its own URL) is passed on where given. */
function apiUrl(path, query = {}, withDataset = false) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') q.append(k, String(v));
  }
  if (withDataset && dataset) q.set('dataset', dataset);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

async function getJson(url, signal) {
  const r = await fetch(url, { signal, headers: { Accept: 'application/json, application/geo+json;q=0.9' } });
  if (!r.ok) {
    let detail = `${r.status} ${r.statusText || 'error'} from ${url}`;
    let problemType = null;
    const type = r.headers.get('Content-Type') || '';
    if (type.startsWith('application/problem+json')) {
      try {
        const p = await r.json();
        detail = p.detail || p.title || detail;
        problemType = p.type || null;
      } catch (e) { /* keep the status line */ }
    }
    const retry = Number.parseInt(r.headers.get('Retry-After') || '', 10);
    throw new ApiError(r.status, detail, Number.isFinite(retry) ? retry : null, problemType);
  }
  return r.json();
}

const sleep = (ms, signal) => new Promise((resolve, reject) => {
  const t = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(t); reject(new DOMException('aborted', 'AbortError')); });
});

/**
 * GET with polite retries: a 429 (the server computes at most two new coverages at once) waits for
 * Retry-After and tries again; onBusy(seconds, attempt) lets the caller say so.
 */
async function getWithRetry(url, signal, onBusy) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getJson(url, signal);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 429 || attempt > MAX_RETRIES) throw e;
      const wait = Math.min(Math.max(e.retryAfterS ?? 5, 1), 30);
      onBusy?.(wait, attempt);
      await sleep(wait * 1000, signal);
    }
  }
}

const isAbort = (e) => e?.name === 'AbortError';

// ------------------------------------------------------------------ map

const map = L.map('map', {
  preferCanvas: true, zoomSnap: 0.25, minZoom: 3, maxZoom: 15, keyboard: true, worldCopyJump: false,
});
window.borderlineMap = map; // for the browser test: latLngToContainerPoint etc.
map.attributionControl.setPrefix('<a href="https://leafletjs.com" title="Leaflet 1.9.4, served by this service">Leaflet</a>');
L.control.scale({ imperial: false, maxWidth: 180, position: 'bottomleft' }).addTo(map);
map.fitBounds([[50.6, 19.5], [59.8, 33.5]]); // the service's warm-up encodes these tiles (TilesApi.FIRST_VIEW)
for (const [name, z] of [['countries', 250], ['coverage', 350], ['borders', 400], ['lines', 450], ['points', 620],
  ['claims', 630]]) {
  map.createPane(name).classList.add(`z-${z}`);
}

const layers = {
  countries: L.layerGroup().addTo(map),
  labels: L.layerGroup().addTo(map),
  coverage: L.layerGroup().addTo(map),
  borders: L.layerGroup().addTo(map),
  claims: L.layerGroup().addTo(map),
  sites: L.layerGroup().addTo(map),
  distance: L.layerGroup().addTo(map),
  siteLabels: L.layerGroup().addTo(map),
};

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** A DOM node with text content only (never HTML from data). */
function node(tag, text, cls) {
  const n = document.createElement(tag);
  if (text !== undefined && text !== null) n.textContent = text;
  if (cls) n.className = cls;
  return n;
}

// ------------------------------------------------------------------ base map (vector tiles, see basemap.js)

const countryLabels = new Map(); // code -> { area, tooltip } at the current zoom

/** Labels each country once, at the centroid of its largest piece drawn so far at this zoom. */
function placeCountryLabels(z, candidates) {
  if (z !== Math.min(Math.round(map.getZoom()), 14)) return; // a tile of a zoom the map has left
  for (const c of candidates) {
    const known = countryLabels.get(c.code);
    if (known && known.area >= c.area) continue;
    if (known) known.tooltip.setLatLng(c.at);
    else {
      const tooltip = L.tooltip({ permanent: true, direction: 'center', className: 'country-label', interactive: false })
        .setLatLng(c.at).setContent(node('span', c.name));
      tooltip.addTo(layers.labels);
      countryLabels.set(c.code, { area: c.area, tooltip });
      continue;
    }
    known.area = c.area;
  }
}

function borderStyle(p) {
  const main = p.a === 'BLR' || p.b === 'BLR' || p.a === 'RUS' || p.b === 'RUS';
  return { color: COLORS.border, weight: main ? 2 : 1.4, opacity: 0.9 };
}

const baseMap = new VectorBaseMap({
  dataset,
  fillFor: (p) => COLORS[COUNTRY_CLASS[p.code]] ?? COLORS.land,
  strokeFor: borderStyle,
  onLabelCandidates: placeCountryLabels,
});
map.on('zoomstart', () => { layers.labels.clearLayers(); countryLabels.clear(); });
window.borderlineBaseMap = baseMap; // for the browser test: tiles and bytes loaded

/** Resolves when the tiles of the first view are drawn. */
function loadBaseMap() {
  return new Promise((resolve, reject) => {
    baseMap.once('load', resolve);
    baseMap.once('tileerror', (e) => reject(new Error(e.error?.message || 'a base map tile failed')));
    baseMap.addTo(map);
  });
}

const sitesById = new Map();
const claimsByPlace = new Map();

function siteTooltip(p) {
  const d = node('div');
  d.append(node('strong', p.name_en));
  d.append(node('div', `${p.kind.replace('_', ' ')} · ${p.country}`, 'muted'));
  if (p.coord_precision_m > 0) d.append(node('div', `position approximate (±${nf(0).format(p.coord_precision_m)} m)`, 'muted'));
  return d;
}

function drawSites(fc) {
  layers.sites.clearLayers();
  layers.siteLabels.clearLayers();
  sitesById.clear();
  for (const f of fc.features) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    sitesById.set(p.id, { ...p, lat, lon });
    L.circleMarker([lat, lon], {
      pane: 'points', radius: SITE_RADIUS[p.kind] ?? 3.5, color: '#ffffff', weight: 1.2,
      fillColor: COLORS.site, fillOpacity: p.kind === 'capital' || p.kind === 'city' ? 0.95 : 0.6,
      bubblingMouseEvents: false,
    }).bindTooltip(siteTooltip(p), { direction: 'top', offset: [0, -4] })
      .on('click', () => measureSite(p.id))
      .addTo(layers.sites);
    labelSite(p, lat, lon);
  }
}

function drawClaims(fc) {
  layers.claims.clearLayers();
  claimsByPlace.clear();
  for (const f of fc.features) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    const list = claimsByPlace.get(p.place) ?? [];
    list.push(p);
    claimsByPlace.set(p.place, list);
    L.circleMarker([lat, lon], {
      pane: 'claims', radius: 10, color: COLORS.claim, weight: 2.2, fill: false, interactive: false,
    }).addTo(layers.claims);
  }
}

function fillPlaces(sites) {
  const select = el('place');
  const claimed = node('optgroup'); claimed.label = 'Places in the public claim';
  const others = node('optgroup'); others.label = 'Sites';
  const names = new Set([...claimsByPlace.keys()]);
  const sorted = [...sites.values()].sort((a, b) => a.name_en.localeCompare(b.name_en));
  for (const s of sorted) {
    const o = node('option', `${s.name_en} (${s.country})`);
    o.value = s.id;
    (names.has(s.name_en) ? claimed : others).append(o);
  }
  select.append(claimed, others);
  select.addEventListener('change', () => { if (select.value) showPlace(select.value); });
}

// ------------------------------------------------------------------ distance

let distanceAbort = null;

/** Points along the great circle from a to b (on the sphere; at map scale it overlays the ellipsoidal geodesic). */
function greatCircle(a, b, n = 48) {
  const rad = Math.PI / 180;
  const v = (p) => [Math.cos(p.lat * rad) * Math.cos(p.lng * rad), Math.cos(p.lat * rad) * Math.sin(p.lng * rad), Math.sin(p.lat * rad)];
  const va = v(a); const vb = v(b);
  const dot = Math.min(1, Math.max(-1, va[0] * vb[0] + va[1] * vb[1] + va[2] * vb[2]));
  const w = Math.acos(dot);
  if (w < 1e-9) return [a, b];
  const out = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const s1 = Math.sin((1 - t) * w) / Math.sin(w); const s2 = Math.sin(t * w) / Math.sin(w);
    const x = s1 * va[0] + s2 * vb[0]; const y = s1 * va[1] + s2 * vb[1]; const z = s1 * va[2] + s2 * vb[2];
    out.push(L.latLng(Math.atan2(z, Math.hypot(x, y)) / rad, Math.atan2(y, x) / rad));
  }
  return out;
}

function round5(x) { return Math.round(x * 1e5) / 1e5; }

function measureSite(id) {
  const s = sitesById.get(id);
  if (!s) return;
  el('place').value = id;
  measure(s.lat, s.lon, s);
}

async function measure(latIn, lonIn, site = null) {
  const lat = round5(latIn);
  const lon = round5(L.latLng(latIn, lonIn).wrap().lng);
  if (!site) el('place').value = '';
  distanceAbort?.abort();
  const ctl = new AbortController();
  distanceAbort = ctl;
  const box = el('distance');
  box.dataset.state = 'loading';
  box.dataset.lat = lat;
  box.dataset.lon = lon;
  box.replaceChildren(node('p', `Measuring from ${lat.toFixed(5)}, ${lon.toFixed(5)}…`, 'loading'));
  layers.distance.clearLayers();
  L.circleMarker([lat, lon], { pane: 'points', radius: 4, color: '#fff', weight: 1.5, fillColor: '#000', fillOpacity: 1, interactive: false })
    .addTo(layers.distance);
  try {
    const answers = await Promise.all(TARGETS.map((t) => getWithRetry(
      apiUrl('/distance', { lat, lon, to: t.code }, true), ctl.signal,
      (s) => { box.replaceChildren(node('p', `The server is busy; retrying in ${s} s…`, 'busy')); })));
    if (ctl.signal.aborted) return;
    renderDistance(box, lat, lon, site, answers);
  } catch (e) {
    if (isAbort(e)) return;
    box.dataset.state = 'error';
    box.replaceChildren(node('p', e.message, 'error'));
  }
}

function renderDistance(box, lat, lon, site, answers) {
  const here = node('p', null, 'point');
  here.append('From ', node('strong', site ? site.name_en : 'the clicked point'),
    ` (${lat.toFixed(5)}, ${lon.toFixed(5)})`);
  const parts = [here];
  const from = L.latLng(lat, lon);
  answers.forEach((a, i) => {
    const t = TARGETS[i];
    const r = a.result;
    // outside: to the nearest point of the country's territory; inside: to its border line
    const inside = r.inside;
    const km = inside ? r.border.distance_m / 1000 : a.distance_km;
    const to = inside ? r.border.nearest_point : r.nearest_point;
    const row = node('div', null, `result ${t.cls}`);
    row.dataset.to = t.code;
    row.dataset.km = km.toFixed(3);
    row.dataset.inside = inside;
    const head = node('div', null, 'result-head');
    head.append(node('span', inside ? `Inside ${t.name}; to its border` : `To ${t.name}`, 'to'));
    const value = node('span', null, 'km');
    value.append(node('span', kmFormat.format(km), 'value'), ' km');
    head.append(value);
    row.append(head);
    const b = r.border;
    const details = [];
    if (!inside && b) {
      details.push(`border line ${kmFormat.format(b.distance_m / 1000)} km (${b.border_id}${b.segment_kind ? `, ${b.segment_kind}` : ''})`);
    }
    if (inside && b) details.push(`${b.border_id}${b.segment_kind ? `, ${b.segment_kind}` : ''}`);
    const bearing = inside ? b?.bearing_deg : r.bearing_deg;
    if (bearing !== null && bearing !== undefined) details.push(`bearing ${bearing.toFixed(1)}°`);
    if (r.nearest_point_on_window_edge) details.push('nearest point on the region window edge (Russia is cut off there)');
    row.append(node('div', details.join(' · '), 'detail small'));
    for (const c of (site && claimsByPlace.get(site.name_en)) || []) {
      if (c.target !== t.code) continue;
      row.append(node('div', `Claimed ${nf(3).format(c.claimed_km)} km: ${c.verdict} (verdict tolerance ±${nf(3).format(c.verdict_tolerance_km)} km)`,
        `claim verdict-${c.verdict}`));
    }
    parts.push(row);
    if (to && km > 0) {
      const end = L.latLng(to.lat, to.lon);
      L.polyline(greatCircle(from, end), { pane: 'lines', color: COLORS.line[t.code], weight: 2.5, dashArray: '6 5', interactive: false })
        .addTo(layers.distance);
      // the label sits at the far end, on the side away from the point, so short lines stay readable
      L.circleMarker(end, { pane: 'points', radius: 3.5, color: COLORS.line[t.code], weight: 2, fillColor: '#fff', fillOpacity: 1, interactive: false })
        .bindTooltip(`${kmFormat.format(km)} km to ${t.code}`, {
          permanent: true, direction: end.lng >= from.lng ? 'right' : 'left', offset: [end.lng >= from.lng ? 6 : -6, 0],
          className: `line-label ${t.cls}`,
        })
        .addTo(layers.distance);
    }
  });
  parts.push(node('p', `Geodesic on WGS84 (GeographicLib), ${answers[0].dataset.attribution}; lines drawn as great circles.`, 'small muted'));
  box.replaceChildren(...parts);
  box.dataset.state = 'done';
  writeViewState();
  if (el('source').value === HERE) scheduleCoverage(0); // the coverage starts from this point
}

map.on('click', (e) => measure(e.latlng.lat, e.latlng.lng));
map.getContainer().addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && e.target === map.getContainer()) {
    const c = map.getCenter();
    measure(c.lat, c.lng);
  }
});

// ------------------------------------------------------------------ coverage

/** Slider stops: 1 km steps to 100 km, 5 km to 500 km, 10 km to 2,500 km. */
const RANGES = [];
for (let r = 1; r <= 100; r++) RANGES.push(r);
for (let r = 105; r <= 500; r += 5) RANGES.push(r);
for (let r = 510; r <= 2500; r += 10) RANGES.push(r);

const drones = new Map();
let coverageTimer = null;
let coverageAbort = null;

function nearestStop(km) {
  let best = 0;
  RANGES.forEach((r, i) => { if (Math.abs(r - km) < Math.abs(RANGES[best] - km)) best = i; });
  return best;
}

function rangeKm() { return RANGES[Number(el('range').value)]; }

function showRange() {
  const km = rangeKm();
  el('range-out').textContent = `${nf(0).format(km)} km`;
  el('range').setAttribute('aria-valuetext', `${km} kilometres`);
}

/** The coverage source "the point or place measured above" (a site, or the clicked point). */
const HERE = 'here';
const FAN_INPUTS = [['azimuth-from', 'azimuth_from'], ['azimuth-to', 'azimuth_to'], ['min-range', 'min_range_km']];

/** A number typed in an input, or null. */
function typedNumber(id) {
  const v = el(id).value.trim();
  return v !== '' && Number.isFinite(Number(v)) ? v : null;
}

/**
 * The coverage query for the current selection, in a fixed order: the source (from, or site, or lat and lon),
 * range_km or drone, minutes, the fan, dataset; null while "the point measured above" has no point yet.
 */
function coverageQuery() {
  const q = new URLSearchParams();
  if (el('source').value === HERE) {
    const box = el('distance');
    if (el('place').value) q.set('site', el('place').value);
    else if (box.dataset.lat && box.dataset.lon) { q.set('lat', box.dataset.lat); q.set('lon', box.dataset.lon); }
    else return null;
  } else q.set('from', el('source').value);
  const drone = el('drone').value;
  if (drone) q.set('drone', drone); else q.set('range_km', String(rangeKm()));
  const minutes = el('minutes').value.replace(/\s+/g, '');
  if (drone && /^\d+(\.\d+)?(,\d+(\.\d+)?)*$/.test(minutes)) q.set('minutes', minutes); // time rings
  if (el('source').value === HERE) { // a fan needs one apex: the point or place
    const from = typedNumber('azimuth-from');
    const to = typedNumber('azimuth-to');
    if (from !== null && to !== null) { q.set('azimuth_from', from); q.set('azimuth_to', to); }
    const min = typedNumber('min-range');
    if (min !== null && Number(min) > 0) q.set('min_range_km', min);
  }
  if (dataset) q.set('dataset', dataset);
  return q.toString();
}

/** The name of the coverage's source for the summary line. */
function coverageSourceName() {
  if (el('source').value !== HERE) return el('source').selectedOptions[0].textContent;
  const site = sitesById.get(el('place').value);
  const box = el('distance');
  return site ? site.name_en : `${box.dataset.lat}, ${box.dataset.lon}`;
}

/** The download links of the selection; none while there is no query, or when the server refused it (refusal). */
function updateDownloads(query, refusal = null) {
  const drone = el('drone').value;
  const name = `borderline-coverage-${el('source').value === HERE ? (el('place').value || 'point') : el('source').value}-${drone || `${rangeKm()}km`}`;
  // the deck takes the coverage map's parameters: every selection has its briefing
  const links = {
    geojson: [query && `/coverage?${query}`, `${name}.geojson`],
    kml: [query && `/coverage?${query}&f=kml`, `${name}.kml`],
    png: [query && `/maps/coverage.png?${query}`, `${name}.png`],
    svg: [query && `/maps/coverage.svg?${query}`, `${name}.svg`],
    pptx: [query && `/briefing.pptx?${query}`, `borderline-briefing-${name.replace('borderline-coverage-', '')}.pptx`],
  };
  for (const [fmt, [href, file]] of Object.entries(links)) {
    const a = el(`dl-${fmt}`);
    if (href && !refusal) {
      a.href = href;
      a.download = file;
      a.removeAttribute('aria-disabled');
      a.removeAttribute('title');
    } else {
      a.removeAttribute('href');
      a.removeAttribute('download');
      a.setAttribute('aria-disabled', 'true');
      a.title = refusal ?? 'Click the map or choose a place first';
    }
  }
  el('dl-note').textContent = refusal ?? (query ? '' : 'Click the map or choose a place: the coverage starts from it.');
}

function scheduleCoverage(delay) {
  clearTimeout(coverageTimer);
  el('fan').disabled = el('source').value !== HERE;
  const query = coverageQuery();
  updateDownloads(query);
  const box = el('coverage');
  if (query === null) {
    coverageAbort?.abort();
    layers.coverage.clearLayers();
    box.replaceChildren(node('p', 'Click the map or choose a place: the coverage starts from it.', 'muted'));
    box.dataset.state = 'idle';
    box.classList.remove('stale');
    writeViewState();
    return;
  }
  box.dataset.state = 'pending';
  box.classList.add('stale');
  coverageTimer = setTimeout(() => loadCoverage(query), delay);
  writeViewState();
}

async function loadCoverage(query) {
  coverageAbort?.abort();
  const ctl = new AbortController();
  coverageAbort = ctl;
  const box = el('coverage');
  const status = node('p', 'Computing the coverage…', 'loading');
  box.dataset.state = 'loading';
  box.dataset.query = query;
  box.querySelector('.cov-status')?.remove();
  status.classList.add('cov-status');
  box.prepend(status);
  try {
    const fc = await getWithRetry(`/coverage?${query}`, ctl.signal, (s, n) => {
      box.dataset.state = 'busy';
      status.className = 'busy cov-status';
      status.textContent = `The server is busy computing other coverages; retrying in ${s} s (attempt ${n + 1})…`;
    });
    if (ctl.signal.aborted) return;
    renderCoverage(box, fc, query);
  } catch (e) {
    if (isAbort(e)) return;
    if (e instanceof ApiError && e.status === 422) {
      if (!ctl.signal.aborted) renderRefusal(box, e, query);
      return;
    }
    box.dataset.state = 'error';
    box.classList.remove('stale');
    status.className = 'error cov-status';
    status.textContent = e.message;
  }
}

/**
 * A coverage the server refused (422): nothing was computed for this selection, so the previous one is taken off
 * the map and the panel, and the problem's detail says why (the estimated cost and the limit, or the range's
 * geometric limit); a coverage too costly to start comes with what to change.
 */
function renderRefusal(box, e, query) {
  layers.coverage.clearLayers();
  const reason = node('p', `The server did not compute this coverage: ${e.message}`, 'error cov-status');
  const parts = [reason];
  if (e.type === TOO_COSTLY) {
    const smaller = el('source').value === 'RUS' ? ' (European Russia or Kaliningrad instead of Russia whole, or the'
      + ' point or place measured above)' : '';
    parts.push(node('p', 'Choose a longer range (the slider, or a drone class that reaches farther) or a smaller'
      + ` source in “From”${smaller}.`, 'cov-advice'));
  }
  box.replaceChildren(...parts);
  box.classList.remove('stale');
  box.dataset.query = query;
  box.dataset.state = 'refused';
  updateDownloads(query, 'Nothing to download: the server did not compute this coverage (see above).');
}

function renderCoverage(box, fc, query) {
  // one coverage feature, or one per time ring (smallest first): draw them all, describe the largest
  const rings = fc.features.filter((f) => f.geometry && f.stats);
  const coverage = rings[rings.length - 1];
  layers.coverage.clearLayers();
  for (const ring of rings) {
    L.geoJSON(ring, {
      pane: 'coverage', interactive: false,
      style: { color: COLORS.coverage, weight: 1.6, fillColor: COLORS.coverage, fillOpacity: 0.16 / rings.length },
    }).addTo(layers.coverage);
  }
  const p = coverage.properties;
  const s = coverage.stats;
  const sourceName = coverageSourceName();
  const drone = p.drone ? drones.get(p.drone) : null;
  const summary = node('p', null, 'summary');
  summary.append(node('strong', `${nf(0).format(p.range_km)} km`, 'cov-range'),
    ` from ${sourceName}${drone ? ` (${drone.name.split(' (')[0]})` : ''}: `);
  const landBeyond = node('strong', nf(0).format(s.beyond_source.land_area_km2)); landBeyond.dataset.field = 'land-beyond';
  const landIncluding = node('strong', nf(0).format(s.including_source.land_area_km2)); landIncluding.dataset.field = 'land-including';
  summary.append(landBeyond, ' km² of land beyond the source, ', landIncluding, ' km² including the source');
  summary.dataset.rangeKm = p.range_km;
  if (p.minutes != null) {
    summary.append(node('span', ` · time rings ${rings.map((r) => `${r.properties.minutes} min`).join(', ')} at ${nf(0).format(p.speed_kmh)} km/h (table: ${p.minutes} min)`, 'cov-minutes'));
  }

  const table = node('table', null, 'exposure');
  table.append(node('caption', 'Land of each country within range'));
  const head = node('tr');
  for (const [t, c] of [['Country', ''], ['km²', 'num'], ['share', 'num'], ['', 'bar']]) {
    const th = node('th', t, c); th.scope = 'col'; head.append(th);
  }
  table.append(node('thead')); table.tHead.append(head);
  const body = node('tbody');
  for (const c of s.countries) {
    const tr = node('tr', null, c.area_in_range_km2 > 0 ? '' : 'zero');
    tr.dataset.code = c.code;
    const th = node('th', c.name_en); th.scope = 'row';
    const area = node('td', nf(1).format(c.area_in_range_km2), 'num'); area.dataset.field = 'area';
    const share = node('td', `${nf(2).format(c.share_percent)} %`, 'num'); share.dataset.field = 'share';
    const barCell = node('td', null, 'bar');
    const bar = node('span', null, 'bar-fill');
    bar.style.width = `${Math.min(100, c.share_percent)}%`; // CSSOM, allowed by style-src 'self'
    barCell.append(bar);
    tr.append(th, area, share, barCell);
    body.append(tr);
  }
  table.append(body);

  const places = node('p', null, 'places');
  // every total twice: the source's own people are not the people its neighbours have in range
  const count = node('strong', nf(0).format(s.places.count)); count.dataset.field = 'places';
  const popBeyond = node('strong', nf(0).format(s.beyond_source.population)); popBeyond.dataset.field = 'population-beyond';
  const pop = node('strong', nf(0).format(s.including_source.population)); pop.dataset.field = 'population';
  places.append('Places in range: ', count, ' GeoNames places; population ', popBeyond, ' beyond the source, ', pop,
    ' including the source.');
  const note = node('p', s.places.note, 'small muted note');
  const method = node('p', `Outline within ${nf(0).format(p.tolerance_m)} m of the true range (${nf(0).format(p.vertex_count)} vertices); ${p.attribution}.`,
    'small muted');
  box.replaceChildren(summary, table, places, note, method);
  box.classList.remove('stale');
  box.dataset.query = query;
  box.dataset.state = 'done';
}

function initCoverageControls(droneList) {
  const range = el('range');
  range.max = String(RANGES.length - 1);
  range.value = String(nearestStop(30));
  showRange();
  const select = el('drone');
  for (const d of droneList.drones) {
    drones.set(d.id, d);
    const o = node('option', `${d.name.split(' (')[0]} — ${nf(0).format(d.range_km)} km (${d.range_meaning.replaceAll('_', ' ')})`);
    o.value = d.id;
    select.append(o);
  }
  const describeDrone = () => {
    const d = drones.get(select.value);
    el('drone-source').textContent = d ? `Range source: ${d.source}` : '';
  };
  range.addEventListener('input', () => {
    select.value = '';
    describeDrone();
    showRange();
    scheduleCoverage(DEBOUNCE_MS);
  });
  select.addEventListener('change', () => {
    const d = drones.get(select.value);
    if (d) range.value = String(nearestStop(d.range_km));
    showRange();
    describeDrone();
    scheduleCoverage(0);
  });
  el('source').addEventListener('change', () => scheduleCoverage(0));
  el('minutes').addEventListener('change', () => scheduleCoverage(0));
  for (const [id] of FAN_INPUTS) el(id).addEventListener('change', () => scheduleCoverage(0));
  applyCoverageState(select, range);
  describeDrone();
  showRange();
}

// ------------------------------------------------------------------ start-up

function setStatus(text, cls = '') {
  const s = el('status');
  s.textContent = text;
  s.className = `status ${cls}`;
}

function initDatasets(list, siteSources) {
  const current = list.datasets.find((d) => d.id === dataset) ?? list.datasets.find((d) => d.default);
  const select = el('dataset');
  for (const d of list.datasets) {
    const o = node('option', `${d.attribution} (${d.id})`);
    o.value = d.id;
    o.selected = d.id === current.id;
    select.append(o);
  }
  select.addEventListener('change', () => {
    const u = new URL(location.href);
    if (select.selectedOptions[0] && list.datasets.find((d) => d.id === select.value)?.default) u.searchParams.delete('dataset');
    else u.searchParams.set('dataset', select.value);
    location.assign(u.toString());
  });
  const ul = el('sources');
  ul.append(node('li', `Boundaries: ${current.attribution} — ${current.package} ${current.version}, ${current.licence}. ${current.upstream}.`));
  for (const s of siteSources) ul.append(node('li', `Places and populations: ${s}`));
  ul.append(node('li', 'Drone ranges: published figures, each cited with its source (GET /drones).'));
  map.attributionControl.addAttribution(escapeHtml(current.attribution));
  if (siteSources.some((s) => s.includes('GeoNames'))) map.attributionControl.addAttribution('GeoNames (CC BY 4.0)');
}

async function start() {
  const pending = new Set(['base map', 'sites', 'claims', 'drones', 'datasets']);
  const progress = () => setStatus(pending.size ? `Loading ${[...pending].join(', ')}…` : 'Click the map to measure.', pending.size ? 'loading' : '');
  const load = async (name, url, use) => {
    const body = await getWithRetry(url, undefined, (s) => setStatus(`The server is busy; retrying in ${s} s…`, 'busy'));
    use(body);
    pending.delete(name);
    progress();
    return body;
  };
  progress();
  try {
    // All at once, the four small API answers first: the browser opens six connections to the service, and
    // the first view's twenty tiles queued ahead of them would hold the claims, sites and drones back.
    const drawn = await Promise.all([
      load('claims', apiUrl('/collections/claims/items', { limit: 1000 }, true), drawClaims),
      load('sites', apiUrl('/collections/sites/items', { limit: 1000 }, true), drawSites),
      load('drones', '/drones', initCoverageControls),
      getJson('/datasets').then((d) => { pending.delete('datasets'); progress(); return d; }),
      loadBaseMap().then(() => { pending.delete('base map'); progress(); }),
    ]);
    const siteSources = [...new Set([...sitesById.values()].map((s) => s.source).filter((s) => s.includes('GeoNames')))];
    initDatasets(drawn[3], siteSources); // the answer of /datasets
    fillPlaces(sitesById);
    map.getContainer().setAttribute('aria-busy', 'false');
    window.borderlineReadyMs = performance.now(); // from navigation start: the browser test's measure
    document.documentElement.dataset.ready = 'true';
    // the first coverage (seconds of server work on a cold service) starts once the map is usable, so it
    // does not compete with the first view's tiles and layers for the server's cores
    scheduleCoverage(0);
  } catch (e) {
    setStatus(`The map could not load: ${e.message}`, 'error');
    document.documentElement.dataset.ready = 'error';
  }
}

// ------------------------------------------------------------------ site labels, going to a place, the view in the URL

const SITE_LABEL_KINDS = new Set(['capital', 'city']);

/** A permanent name label beside capitals and cities (other sites keep their hover tooltip). */
function labelSite(p, lat, lon) {
  if (!SITE_LABEL_KINDS.has(p.kind)) return;
  L.tooltip({ permanent: true, direction: 'right', offset: [5, 0], className: `site-label site-${p.kind}`, interactive: false })
    .setLatLng([lat, lon]).setContent(node('span', p.name_en)).addTo(layers.siteLabels);
}

/** Choosing a place: the map goes there (zoom 8 at least) and measures from it. */
function showPlace(id) {
  const s = sitesById.get(id);
  if (!s) return;
  map.setView([s.lat, s.lon], Math.max(map.getZoom(), 8));
  measureSite(id);
}

/**
 * The whole view in the page's URL, so it can be shared: the point (lat, lon) or the site, the coverage
 * source (from=here: the point or site itself), the drone class or the range, the time rings, the fan
 * (azimuths, minimum range) and the dataset. Replaced in place (no history entry per click).
 */
function writeViewState() {
  const q = new URLSearchParams();
  const box = el('distance');
  const site = el('place').value;
  if (site) q.set('site', site);
  else if (box.dataset.lat && box.dataset.lon) { q.set('lat', box.dataset.lat); q.set('lon', box.dataset.lon); }
  q.set('from', el('source').value);
  if (el('drone').value) q.set('drone', el('drone').value); else if (el('range').max !== '0') q.set('range_km', String(rangeKm()));
  const minutes = el('minutes').value.replace(/\s+/g, '');
  if (minutes) q.set('minutes', minutes);
  for (const [id, name] of FAN_INPUTS) if (typedNumber(id) !== null) q.set(name, typedNumber(id));
  if (dataset) q.set('dataset', dataset);
  history.replaceState(null, '', `${location.pathname}?${q}`);
}

const initialState = new URLSearchParams(location.search);

/** The coverage choices from the URL the page was opened with (unknown values are ignored). */
function applyCoverageState(droneSelect, range) {
  const from = initialState.get('from');
  if (from && [...el('source').options].some((o) => o.value === from)) el('source').value = from;
  const minutes = initialState.get('minutes');
  if (minutes && /^[\d.,\s]{1,60}$/.test(minutes)) el('minutes').value = minutes;
  for (const [id, name] of FAN_INPUTS) {
    const v = Number.parseFloat(initialState.get(name) || '');
    if (Number.isFinite(v)) el(id).value = String(v);
  }
  const drone = initialState.get('drone');
  const km = Number.parseFloat(initialState.get('range_km') || '');
  if (drone && drones.has(drone)) {
    droneSelect.value = drone;
    range.value = String(nearestStop(drones.get(drone).range_km));
  } else if (Number.isFinite(km)) range.value = String(nearestStop(km));
}

/** The point or site from the URL, once the sites are known: the map centres on it and measures. */
function applyPointState() {
  const site = initialState.get('site');
  const lat = Number.parseFloat(initialState.get('lat') || '');
  const lon = Number.parseFloat(initialState.get('lon') || '');
  if (site && sitesById.has(site)) showPlace(site);
  else if (Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 85 && Math.abs(lon) <= 180) {
    map.setView([lat, lon], Math.max(map.getZoom(), 7));
    measure(lat, lon);
  }
}

start().then(applyPointState);
