// Claim check: a self-contained form that checks anyone's distance claim with GET /claims/check.
// The place is found with GET /places?q= (GeoNames); nothing here depends on the map script.

const form = document.getElementById('claim-form');
const out = document.getElementById('claim-result');
const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

function text(tag, value, cls) {
  const e = document.createElement(tag);
  if (value !== undefined && value !== null) e.textContent = value;
  if (cls) e.className = cls;
  return e;
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.detail || `${r.status} from ${url}`);
  return body;
}

const DEFINITIONS = { political_boundary: 'border line', nearest_territory: 'nearest land' };

function render(answer) {
  const c = answer.check;
  const where = answer.place.name || answer.place.name_en || `${answer.place.lat}, ${answer.place.lon}`;
  out.replaceChildren(text('p', `${where} → ${c.target}: claimed ${fmt.format(c.claimed_km)} km`, 'claim-head'));
  const table = text('table', null, 'claim-table');
  const head = text('tr');
  for (const h of ['data', 'measured to', 'km', 'verdict']) head.append(text('th', h));
  table.append(head);
  for (const m of c.measurements) {
    const row = text('tr');
    row.dataset.dataset = m.dataset;
    row.dataset.definition = m.definition;
    row.append(text('td', m.dataset), text('td', DEFINITIONS[m.definition] || m.definition),
      text('td', m.place_inside_target && m.measured_km === 0 ? 'inside' : fmt.format(m.measured_km)),
      text('td', m.verdict, `verdict-${m.verdict}`));
    table.append(row);
  }
  out.append(table, text('p', `Verdict tolerance ±${fmt.format(c.verdict_tolerance_km)} km (how far a claim may round);`
    + ` each distance is measured to within ${c.measurement_accuracy_m} m of the data. Not stored.`, 'small muted'));
  out.dataset.state = 'done';
}

async function check(event) {
  event.preventDefault();
  const data = new FormData(form);
  out.dataset.state = 'loading';
  out.replaceChildren(text('p', 'Checking…', 'muted'));
  try {
    const name = String(data.get('place') || '').trim();
    const found = await getJson(`/places?${new URLSearchParams({ q: name, limit: '1' })}`);
    if (found.places.length === 0) throw new Error(`no GeoNames place matches “${name}”`);
    const q = new URLSearchParams({ place: String(found.places[0].geonames_id), to: String(data.get('to')),
      claimed_km: String(data.get('claimed_km')) });
    render(await getJson(`/claims/check?${q}`));
  } catch (e) {
    out.dataset.state = 'error';
    out.replaceChildren(text('p', e.message, 'error'));
  }
}

if (form && out) form.addEventListener('submit', check);
