// The page in headless Chromium: loads it on the example corpus, checks the map, timeline,
// network, control timeline and table are drawn, filters by type (the table and the URL change),
// clicks map → event card (evidence marked, sources) → actor profile → the actor's events,
// document, brushes the timeline, goes back, opens a shared URL; then the analyst's parts: the map
// opens fitted to the events with its view in the URL, a legend of every type and the size scale,
// tooltips, circles that never overlap, size by fatalities, the timeline in fatalities and totals
// in the status line, the minimum-fatalities filter, the Download menu, the Methodology dialog,
// the network following the filters with a legend and a bounded slider, the control timeline on
// the place's own dates with whole labels, and the phone layout (desktop 1400 px, phone 390 px).
// Saves screenshots. Then the New actors panel (desktop and phone): the name no pack knows, its
// evidence sentence opening the event's card, the adopting command, and the empty state.
// Usage: node page_test.mjs URL SHOT_DIR [DOCS_SCREENSHOT_DIR]
import {createRequire} from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.env.FAULTLINE_ROOT || '.', 'web', 'package.json'));
const {chromium} = require('playwright-core');

const [rawUrl, shotDir, docsDir] = process.argv.slice(2);
const url = rawUrl.replace(/\/$/, '');
let passed = 0;
let failed = 0;
function check(cond, what) {
  if (cond) passed++;
  else {
    failed++;
    console.log(`FAIL: ${what}`);
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const errors = [];
const offsite = [];
async function newPage(width = 1400, height = 1500) {
  const page = await browser.newPage({viewport: {width, height}});
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // Nothing may come from anywhere but the server.
  page.on('request', (r) => { if (!r.url().startsWith(url) && !r.url().startsWith('data:')) offsite.push(r.url()); });
  page.setDefaultTimeout(15000);
  return page;
}
const ready = (page) => page.waitForSelector('body[data-ready=true]');
const params = (page) => new URL(page.url()).searchParams;
const tableTypes = (page) => page.$$eval('#events-table tbody tr td:nth-child(2)', (tds) => tds.map((td) => td.textContent));
const pageInfo = (page) => page.textContent('#page-info');

async function step(name, fn) {
  const before = failed;
  try {
    await fn();
  } catch (e) {
    failed++;
    console.log(`FAIL: ${name}: ${e.message.split('\n')[0]}`);
  }
  console.log(`${name}: ${failed === before ? 'ok' : 'FAILED'}`);
}

const page = await newPage();
await step('load', async () => {
  await page.goto(url);
  await ready(page);
  check(await page.locator('path.fl-marker').count() > 0, 'the map has event markers');
  check(await page.locator('.leaflet-overlay-pane path:not(.fl-marker)').count() > 100, 'the map has country borders');
  check(await page.locator('#events-table tbody tr').count() === 25, 'the table shows a page of 25 events');
  check(await page.locator('#timeline svg rect').count() > 20, 'the timeline has bars');
  check(await page.evaluate(() => window.faultline.network.nodes().length) > 5, 'the network has nodes');
  check(await page.evaluate(() => window.faultline.network.edges().length) > 5, 'the network has edges');
  check(await page.locator('#control .control-bar').count() > 1, 'the control timeline has intervals');
  check((await page.inputValue('#control-place')) === 'Kidal', 'the control timeline shows Kidal');
  check(/events match/.test(await page.textContent('#status')), 'the status line counts the events');
  await page.screenshot({path: `${shotDir}/overview.png`, fullPage: true});
});

let totalAll = '';
await step('filter by type', async () => {
  totalAll = await pageInfo(page);
  const markersBefore = await page.locator('path.fl-marker').count();
  await page.selectOption('#f-type', 'PROTEST');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'PROTEST');
  await page.waitForFunction(() => [...document.querySelectorAll('#events-table tbody tr td:nth-child(2)')]
    .every((td) => td.textContent === 'PROTEST'));
  const types = await tableTypes(page);
  check(types.length > 0 && types.every((t) => t === 'PROTEST'), `the table shows only PROTEST events: ${types}`);
  check((await pageInfo(page)) !== totalAll, 'the count changed');
  await page.waitForFunction((n) => document.querySelectorAll('path.fl-marker').length !== n, markersBefore);
  check(await page.locator('path.fl-marker').count() < markersBefore, 'the map shows fewer markers');
  await page.selectOption('#f-type', '');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('type'));
});

await step('map → event card', async () => {
  const single = page.locator('path.fl-single');
  if (await single.count()) {
    await single.first().dispatchEvent('click');
  } else {
    await page.locator('path.fl-cluster').first().dispatchEvent('click');
    await page.waitForSelector('.place-events .event-link');
    await page.locator('.place-events .event-link').first().click();
  }
  await page.waitForSelector('.event-card');
  const evidence = await page.textContent('.event-card .evidence');
  check(evidence.length > 20, 'the card shows the evidence sentence');
  check(await page.locator('.event-card .evidence mark').count() > 0, 'the evidence has highlighted words');
  check(await page.locator('.event-card .sources li').count() > 0, 'the card lists sources');
  check(await page.locator('.event-card .doc-link').count() > 0, 'the card links to the document');
  check(params(page).has('event'), 'the URL names the event');
});

await step('table row → event card with actors', async () => {
  // A row whose event names an actor, to go on to a profile.
  await page.fill('#f-actor', 'MNLA');
  await page.press('#f-actor', 'Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('actor') === 'MNLA');
  await page.waitForFunction(() => document.querySelector('#page-info').textContent.includes('of'));
  await page.locator('#events-table tbody tr').first().click();
  await page.waitForSelector('.event-card .actor-link');
  if (docsDir) await page.locator('.details-panel').screenshot({path: `${docsDir}/event-card.png`});
  await page.locator('.details-panel').screenshot({path: `${shotDir}/event-card.png`});
});

await step('event card → actor profile', async () => {
  const link = page.locator('.event-card .actor-link').first();
  const name = (await link.textContent()).trim();
  await link.click();
  await page.waitForSelector('.actor-profile');
  check((await page.textContent('.actor-profile .actor-name')).trim().length > 0, 'the profile names the actor');
  check(params(page).has('profile') && !params(page).has('event'), 'the URL names the profile');
  const text = await page.textContent('.actor-profile');
  check(/events/.test(text), `the profile of ${name} counts events`);
  await page.locator('.details-panel').screenshot({path: `${shotDir}/profile.png`});
});

await step('profile of a coalition', async () => {
  await page.goto(`${url}/?profile=CMA&at=2015-06`);
  await ready(page);
  await page.waitForSelector('.actor-profile');
  const text = await page.textContent('.actor-profile');
  check(text.includes('Coordination of Azawad Movements'), 'the CMA profile');
  check(text.includes('Also called'), 'aliases');
  check(text.includes('Members'), 'memberships');
  check(text.includes('Allies and enemies') || text.includes('Over time'), 'allies and enemies');
  await page.locator('.actor-profile .button-link').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('actor') === 'CMA');
  check(params(page).get('actor') === 'CMA', "'show this actor's events' sets the actor filter");
  if (docsDir) await page.locator('.details-panel').screenshot({path: `${docsDir}/actor-profile.png`});
});

await step('document', async () => {
  await page.goto(url);
  await ready(page);
  await page.locator('#events-table tbody tr').first().click();
  await page.waitForSelector('.event-card .doc-link');
  await page.locator('.event-card .doc-link').first().click();
  await page.waitForSelector('.document');
  check(await page.locator('.document .doc-sentences li').count() > 0, 'the document lists its evidence sentences');
  check(params(page).has('doc'), 'the URL names the document');
});

await step('timeline brush', async () => {
  await page.goto(url);
  await ready(page);
  const before = await pageInfo(page);
  const box = await page.locator('#timeline svg .brush .overlay').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.25, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, y, {steps: 5});
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('from'));
  const p = params(page);
  check(/^\d{4}-\d{2}$/.test(p.get('from')) && /^\d{4}-\d{2}$/.test(p.get('to')) && p.get('from') <= p.get('to'),
    `the brush sets from/to: ${p.get('from')} – ${p.get('to')}`);
  await page.waitForFunction((b) => document.querySelector('#page-info').textContent !== b, before);
  check((await page.inputValue('#f-from')) === p.get('from'), 'the filter form shows the period');
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('from'));
  await page.waitForFunction((b) => document.querySelector('#page-info').textContent === b, before);
  check(true, 'back restores the view');
});

await step('shared URL', async () => {
  const shared = await newPage();
  await shared.goto(`${url}/?type=ASSAULT&region=kidal&sort=-fatalities`);
  await ready(shared);
  check((await shared.inputValue('#f-type')) === 'ASSAULT', 'the type filter is restored');
  check((await shared.inputValue('#f-region')) === 'kidal', 'the region filter is restored');
  const types = await tableTypes(shared);
  check(types.length > 0 && types.every((t) => t === 'ASSAULT'), 'the table is filtered');
  check(await shared.locator('th.sorted-desc[data-sort=fatalities]').count() === 1, 'the sort is restored');
  await shared.close();
});

// Circles on the map as {x, y, r} (screen pixels), from their bounding boxes.
const circles = (p) => p.$$eval('path.fl-marker', (paths) => paths.map((e) => {
  const b = e.getBoundingClientRect();
  return {x: b.x + b.width / 2, y: b.y + b.height / 2, r: b.width / 2};
}));
function overlaps(cs) {
  const out = [];
  for (let i = 0; i < cs.length; i++) {
    for (let j = i + 1; j < cs.length; j++) {
      const d = Math.hypot(cs[i].x - cs[j].x, cs[i].y - cs[j].y);
      if (d < cs[i].r + cs[j].r - 1) out.push([cs[i], cs[j]]);
    }
  }
  return out;
}
const api = (p, path) => p.evaluate(async (u) => (await fetch(u)).json(), path);

await step('map fitted, view in the URL', async () => {
  await page.goto(url);
  await ready(page);
  await page.waitForFunction(() => new URL(location.href).searchParams.has('view'));
  const view = params(page).get('view');
  check(/^\d{1,2}\/-?\d+\.\d{3}\/-?\d+\.\d{3}$/.test(view), `the URL keeps the view ZOOM/LAT/LON: ${view}`);
  const [zoom, lat, lon] = view.split('/').map(Number);
  // Most example events are in Mali: the map opens on the Sahel, not on the world.
  check(zoom >= 4 && lat > 5 && lat < 30 && lon > -15 && lon < 15, `the map opens on where most events are: ${view}`);
  const shared = await newPage();
  await shared.goto(`${url}/?view=8/16.272/-0.044`);
  await ready(shared);
  const v = await shared.evaluate(() => {
    const m = window.faultline.map;
    return {zoom: m.getZoom(), lat: m.getCenter().lat, lon: m.getCenter().lng};
  });
  check(v.zoom === 8 && Math.abs(v.lat - 16.272) < 0.01 && Math.abs(v.lon + 0.044) < 0.01, `a view in the URL is restored: ${JSON.stringify(v)}`);
  await shared.close();
});

await step('map legend, tooltips, no overlaps', async () => {
  const legend = await page.$$eval('.map-legend .legend-type', (rows) => rows.map((r) => r.dataset.type));
  check(legend.length === 17 && legend.includes('REQUEST') && legend.includes('AID'), `the legend lists every type: ${legend.length}`);
  check(await page.locator('.map-legend .legend-size').count() === 3, 'the legend shows the size scale');
  await page.locator('path.fl-marker').first().hover({force: true});
  await page.waitForSelector('.leaflet-tooltip');
  check(/\w/.test(await page.textContent('.leaflet-tooltip')), 'hovering a circle shows a tooltip');
  for (const zoom of [3, 5, 7]) {
    await page.evaluate((z) => window.faultline.map.setZoom(z, {animate: false}), zoom);
    await page.waitForTimeout(400);
    await page.waitForFunction(() => document.querySelectorAll('path.fl-marker').length > 0);
    const cs = await circles(page);
    const bad = overlaps(cs);
    check(bad.length === 0, `zoom ${zoom}: no two of ${cs.length} circles overlap (${bad.length} pairs do)`);
  }
});

await step('size by fatalities', async () => {
  const before = await circles(page);
  await page.selectOption('#map-size', 'fatalities');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('size') === 'fatalities');
  await page.waitForFunction(() => document.querySelector('.map-legend .legend-sizes')?.textContent.includes('killed'));
  const after = await circles(page);
  check(JSON.stringify(after.map((c) => c.r)) !== JSON.stringify(before.map((c) => c.r)), 'circles are sized by fatalities');
  check(overlaps(after).length === 0, 'sized by fatalities, no circles overlap');
  await page.selectOption('#map-size', 'events');
});

await step('fatalities: timeline, totals, filter', async () => {
  await page.goto(`${url}/?type=ASSAULT`);
  await ready(page);
  const t = await api(page, 'api/timeline?type=ASSAULT');
  const status = await page.textContent('#status');
  check(t.totals && t.totals.fatalities > 0 && status.includes(`${t.totals.fatalities.toLocaleString('en-US')} killed`),
    `the status line shows the fatalities: "${status}"`);
  await page.selectOption('#timeline-measure', 'fatalities');
  await page.waitForSelector('#timeline svg[data-measure=fatalities]');
  check(params(page).get('measure') === 'fatalities', 'the measure is in the URL');
  check((await page.textContent('.timeline-panel h2')).startsWith('Fatalities'), 'the timeline says fatalities');
  const titles = await page.$$eval('#timeline svg rect title', (ts) => ts.map((x) => x.textContent));
  check(titles.length > 0 && titles.every((x) => x.includes('killed')), 'the bars count the killed');
  await page.fill('#f-min_fatalities', '10');
  await page.press('#f-min_fatalities', 'Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('min_fatalities') === '10');
  await page.waitForFunction(() => [...document.querySelectorAll('#events-table tbody tr td:nth-child(6)')]
    .every((td) => Number(td.textContent) >= 10));
  const killed = await page.$$eval('#events-table tbody tr td:nth-child(6)', (tds) => tds.map((td) => Number(td.textContent)));
  check(killed.length > 0 && killed.every((k) => k >= 10), `the table shows events with 10 or more killed: ${killed}`);
  const e = await api(page, 'api/events?type=ASSAULT&min_fatalities=10&limit=1');
  await page.waitForFunction((n) => document.querySelector('#status').textContent.startsWith(`${n} of`), e.total);
  check(true, 'the status line counts the filtered events');
  if (docsDir) await page.locator('.timeline-panel').screenshot({path: `${docsDir}/timeline-fatalities.png`});
});

await step('download', async () => {
  await page.goto(`${url}/?type=ASSAULT&region=kidal`);
  await ready(page);
  await page.click('#download summary');
  const hrefs = await page.$$eval('#download a[data-format]', (as) => Object.fromEntries(as.map((a) => [a.dataset.format, a.getAttribute('href') || ''])));
  for (const f of ['acled-csv', 'geojson', 'plover-jsonl']) {
    const h = hrefs[f] || '';
    check(h.includes(`format=${f}`) && h.includes('type=ASSAULT') && h.includes('region=kidal'), `the ${f} link carries the filters: ${h}`);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download a[data-format=acled-csv]')]);
  check(download.suggestedFilename() === 'faultline-events.csv', `the ACLED CSV downloads: ${download.suggestedFilename()}`);
  const lines = await page.evaluate(async (h) => (await (await fetch(h)).text()).trim().split('\n').map((l) => JSON.parse(l)), hrefs['plover-jsonl']);
  const e = await api(page, 'api/events?type=ASSAULT&region=kidal&limit=1');
  check(lines.length === e.total && lines.every((l) => l.event_type === 'ASSAULT' && l.province === 'Kidal'),
    `the PLOVER file holds the selection: ${lines.length} of ${e.total}`);
  const geo = await page.evaluate(async (h) => (await fetch(h)).json(), hrefs.geojson);
  check(geo.type === 'FeatureCollection' && geo.features.length > 0, 'the GeoJSON file');
  if (docsDir) await page.screenshot({path: `${docsDir}/download.png`, clip: {x: 0, y: 0, width: 1400, height: 260}});
});

await step('methodology', async () => {
  await page.click('#methodology-open');
  await page.waitForSelector('#methodology[open]');
  const text = await page.textContent('#methodology');
  for (const word of ['PLOVER', 'Confidence', 'score', 'inferred from', 'claimed', 'held', 'uncertain', 'ACLED', 'CAMEO', 'GeoNames']) {
    check(text.includes(word), `the methodology explains ${word}`);
  }
  if (docsDir) await page.screenshot({path: `${docsDir}/methodology.png`});
  await page.click('#methodology .methodology-close button');
  check(!(await page.locator('#methodology[open]').count()), 'the methodology closes');
});

await step('network follows the filters', async () => {
  await page.goto(url);
  await ready(page);
  const all = await page.evaluate(() => window.faultline.network.nodes().length);
  await page.goto(`${url}/?place=Kidal`);
  await ready(page);
  await page.waitForFunction(() => window.faultline.network.nodes().length > 0);
  const edges = await page.evaluate(() => window.faultline.network.edges().map((e) => e.data())
    .filter((d) => d.kind !== 'member').map((d) => [d.source, d.target]));
  // Each end acts in an event at Kidal (itself, or a person acting for it).
  const absent = [];
  for (const id of new Set(edges.flat())) {
    if ((await api(page, `api/events?place=Kidal&limit=1&actor=${encodeURIComponent(id)}`)).total === 0) absent.push(id);
  }
  check(edges.length > 0 && absent.length === 0,
    `every relation shown is between actors of the Kidal events (${edges.length} edges; not in them: ${absent})`);
  check(await page.evaluate(() => window.faultline.network.nodes().length) < all, 'the filtered network is smaller');
  check(await page.locator('#network-sectors .sector').count() > 0, 'the network has a legend of node colours');
  const max = Number(await page.getAttribute('#network-at', 'max'));
  check(max > 0 && max <= 40, `the slider has a step per year of the data (${max})`);
  check(await page.locator('#network-month').count() === 1, 'a month picker');
  await page.fill('#network-month', '2014-05');
  await page.dispatchEvent('#network-month', 'change');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('at') === '2014-05');
});

await step('control timeline on the place\'s dates', async () => {
  await page.goto(url);
  await ready(page);
  const k = await api(page, 'api/control/Kidal');
  const firstYear = Math.min(...k.intervals.filter((i) => i.from).map((i) => Number(i.from.slice(0, 4))));
  const axisFirst = (await page.getAttribute('#control svg', 'data-first')) || '';
  check(Number(axisFirst.slice(0, 4)) === firstYear, `the axis starts with Kidal's first interval: ${axisFirst} (${firstYear})`);
  // Whole names (as the hover title), inside the drawing.
  const labels = await page.$$eval('#control .lane-label', (ts) => ts.map((t) => {
    const box = t.getBoundingClientRect();
    const svg = t.ownerSVGElement.getBoundingClientRect();
    const shown = [...t.querySelectorAll('tspan')].map((x) => x.textContent).join(' ');
    return [shown, t.querySelector('title')?.textContent, box.left >= svg.left && box.right <= svg.right];
  }));
  check(labels.length > 1 && labels.every(([shown, full, inside]) => shown === full && inside),
    `lane labels are whole: ${labels.map((l) => l[0]).join(' | ')}`);
  check(await page.locator('.control-legend .claimed').count() === 1, 'the support levels have a legend');
});

await step('phone', async () => {
  const phone = await newPage(390, 844);
  await phone.goto(url);
  await ready(phone);
  const bar = await phone.locator('.bar').boundingBox();
  const position = await phone.$eval('.bar', (b) => getComputedStyle(b).position);
  check(bar.height < 130 && position !== 'sticky', `the header is short and does not stay on screen: ${bar.height}px, ${position}`);
  check(!(await phone.locator('#filters').isVisible()), 'the filters are folded');
  await phone.click('#f-toggle');
  check(await phone.locator('#f-type').isVisible(), 'the Filters button opens them');
  await phone.click('#f-toggle');
  const row = phone.locator('#events-table tbody tr').nth(3);
  await row.scrollIntoViewIfNeeded();
  await row.click();
  await phone.waitForSelector('.event-card');
  const card = await phone.locator('.event-card').boundingBox();
  check(card && card.y >= 0 && card.y < 844 && card.height > 20, `the card opens on screen: y=${card && card.y}`);
  const cs = await circles(phone);
  check(overlaps(cs).length === 0, `phone: no circles overlap (${cs.length})`);
  if (docsDir) await phone.screenshot({path: `${docsDir}/phone-card.png`});
  await phone.click('#details-close');
  check(!(await phone.locator('.event-card').isVisible()), 'the card closes');
  await phone.close();
});

// The New actors panel: on the example corpus, the one name no pack knows (a titled person).
async function openNewActor(p) {
  const item = p.locator('.new-actor').filter({hasText: 'Soumaïla Cissé'});
  await item.locator('summary').scrollIntoViewIfNeeded();
  await item.locator('summary').click();
  await item.locator('.example-link').first().waitFor();
  return item;
}

await step('new actors panel', async () => {
  await page.goto(url);
  await ready(page);
  const item = page.locator('.new-actor').filter({hasText: 'Soumaïla Cissé'});
  check(await item.count() === 1, 'the panel lists Soumaïla Cissé');
  const summary = await item.locator('summary').textContent();
  check(/person, MLI, OPP/.test(summary) && /1 document, 1 event, 2020-03-25/.test(summary),
    `the candidate's guess, counts and date: ${summary}`);
  check(!(await item.locator('.example-link').isVisible()), 'the evidence is folded until opened');
  await openNewActor(page);
  const link = item.locator('.example-link').first();
  const sentence = await link.textContent();
  check(/Soumaïla Cissé was abducted/.test(sentence), `the evidence sentence: ${sentence}`);
  const adopt = await item.locator('.adopt-command').inputValue();
  check(adopt === "faultline discover --db store.db --accept 'Soumaïla Cissé' --id SOUMAILA_CISSE", `the adopting command: ${adopt}`);
  const eventId = await link.getAttribute('data-event');
  await link.click();
  await page.waitForSelector(`.event-card[data-id="${eventId}"]`);
  check((await page.textContent('.event-card .evidence')) === sentence, 'the sentence opens its event card');
  check(params(page).get('event') === eventId, 'the URL names the event');
  await page.selectOption('#new-actors-min', '2');
  await page.waitForSelector('.new-actors-empty');
  const empty = await page.textContent('.new-actors-empty');
  check(/No name outside the packs was seen in 2 or more of the 195 documents/.test(empty), `the empty state: ${empty}`);
});

await step('new actors panel on a phone', async () => {
  const phone = await newPage(390, 844);
  await phone.goto(url);
  await ready(phone);
  const item = await openNewActor(phone);
  const box = await phone.locator('.new-actors-panel').boundingBox();
  check(box && box.x >= 0 && box.x + box.width <= 390, `the panel fits the phone's width: ${box && box.x + box.width}`);
  const adopt = await item.locator('.adopt').boundingBox();
  check(adopt && adopt.x + adopt.width <= 390, 'the adopting command fits the width');
  const link = item.locator('.example-link').first();
  const eventId = await link.getAttribute('data-event');
  await link.click();
  await phone.waitForSelector(`.event-card[data-id="${eventId}"]`);
  const card = await phone.locator('.event-card').boundingBox();
  check(card && card.y >= 0 && card.y < 844 && card.height > 20, `phone: the sentence opens the card on screen: y=${card && card.y}`);
  await phone.close();
});

// Evidence of derived facts (tests/data/evidence: Ansarul Islam in JNIM and against Burkina
// Faso's army, each stated by two documents): a fact's support, its events' sentences, their cards.
async function followEvidence(p, row, sentence, what) {
  const button = p.locator(`${row} .support`).first();
  const label = await button.textContent();
  await button.click();
  await p.waitForSelector(`${row} .evidence-event`);
  const sentences = await p.$$eval(`${row} .evidence-event .evidence-sentence`, (qs) => qs.map((q) => q.textContent));
  check(sentences.length > 0 && sentences.every((t) => sentence.test(t)), `${what}: the sentences behind it: ${sentences.join(' | ')}`);
  const id = await p.getAttribute(`${row} .evidence-event`, 'data-event');
  await p.locator(`${row} .evidence-event .event-link`).first().click();
  await p.waitForSelector(`.event-card[data-id="${id}"]`);
  check(sentence.test(await p.textContent('.event-card .evidence')), `${what}: a click opens the event's card`);
  check(params(p).get('event') === id, `${what}: the URL names the event`);
  return {label, sentences};
}

for (const [device, width, height] of [['desktop', 1400, 1500], ['phone', 390, 844]]) {
  await step(`evidence of a profile's membership and relation (${device})`, async () => {
    const p = await newPage(width, height);
    await p.goto(`${url}/?profile=ANSARUL_ISLAM`);
    await ready(p);
    await p.waitForSelector('.actor-profile .membership[data-actor=JNIM]');
    const member = '.actor-profile .membership[data-actor=JNIM]';
    const m = await followEvidence(p, member, /merged with JNIM/, 'membership from text');
    check(/from text: 2 events, 2 documents/.test(m.label), `the membership shows its support: "${m.label}"`);
    check(m.sentences.length === 2, `both documents' sentences are listed: ${m.sentences.length}`);
    if (docsDir && device === 'desktop') {
      await p.goBack();
      await p.waitForSelector(member);
      await p.locator(`${member} .support`).click();
      await p.waitForSelector(`${member} .evidence-event`);
      await p.locator('.details-panel').screenshot({path: `${docsDir}/profile-evidence.png`});
    }
    await p.goto(`${url}/?profile=ANSARUL_ISLAM`);
    await ready(p);
    const relation = '.actor-profile .relation[data-actor=BFA_MIL]';
    await p.waitForSelector(relation);
    const r = await followEvidence(p, relation, /attacked/, 'relation');
    check(/from text: 2 events, 2 documents/.test(r.label), `the relation shows its support: "${r.label}"`);
    await p.goto(`${url}/?profile=CMA&at=2015-06`);
    await ready(p);
    const pack = '.actor-profile .membership[data-actor=MNLA]';
    await p.waitForSelector(pack);
    const label = await p.textContent(`${pack} .support`);
    check(/from the packs/.test(label), `a pack membership says so: "${label}"`);
    await p.locator(`${pack} .support`).click();
    await p.waitForSelector(`${pack} .evidence-list:not([hidden])`);
    const list = await p.textContent(`${pack} .evidence-list`);
    check(/confirmed by text/.test(label) ? await p.locator(`${pack} .evidence-event`).count() > 0 : /Stated by the packs/.test(list),
      `its evidence: the packs, or the events that confirm them: "${list.slice(0, 80)}"`);
    await p.close();
  });

  await step(`control intervals with their support (${device})`, async () => {
    const p = await newPage(width, height);
    await p.goto(url);
    await ready(p);
    const k = await api(p, 'api/control/Kidal');
    const rows = await p.$$eval('#control .control-interval', (lis) => lis.map((li) => li.querySelector('.support')?.textContent || ''));
    check(rows.length === k.intervals.length && rows.every((t, i) => t.startsWith(k.intervals[i].support.level)),
      `every interval shows its support level: ${rows.join(' | ')}`);
    const i = k.intervals.findIndex((iv) => iv.evidence.length > 0);
    check(i >= 0, 'Kidal has an interval with evidence');
    await p.locator('#control .control-bar').nth(i).dispatchEvent('click');
    const row = `#control .control-interval[data-index="${i}"]`;
    await p.waitForSelector(`${row} .evidence-event`);
    check(await p.locator(`${row} .evidence-event`).count() === Math.min(20, k.intervals[i].evidence.length), 'a click on a bar lists its events');
    const id = await p.getAttribute(`${row} .evidence-event`, 'data-event');
    await p.locator(`${row} .evidence-event .event-link`).first().click();
    await p.waitForSelector(`.event-card[data-id="${id}"]`);
    check(params(p).get('event') === id, 'a click on an event opens its card');
    if (docsDir && device === 'desktop') await p.locator('.control-panel').screenshot({path: `${docsDir}/control-evidence.png`});
    await p.close();
  });

  await step(`town and region names as you zoom (${device})`, async () => {
    const p = await newPage(width, height);
    const shown = (cls) => p.$$eval(`.${cls}`, (ls) => ls.map((l) => {
      const b = l.getBoundingClientRect();
      return {text: l.textContent, x: b.x, y: b.y, w: b.width, h: b.height};
    }));
    const clear = (ls) => ls.every((a, i) => ls.every((b, j) => j <= i || a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y));
    await p.goto(url);
    await ready(p);
    await p.waitForFunction(() => new URL(location.href).searchParams.has('view'));
    const fitted = (await shown('fl-town-label')).map((l) => l.text);
    check(!(fitted.includes('Kidal') && fitted.includes('Tessalit')), `the fitted view does not name every town: ${fitted.join(', ')}`);
    await p.goto(`${url}/?view=7/19.300/1.200`);
    await ready(p);
    await p.waitForSelector('.fl-town-label');
    const towns = await shown('fl-town-label');
    const names = towns.map((l) => l.text);
    check(names.includes('Kidal') && names.includes('Tessalit'), `zoomed in, Kidal and Tessalit are named: ${names.join(', ')}`);
    check(towns.length <= 30 && clear(towns), `no town name covers another (${towns.length})`);
    check((await shown('fl-region-label')).length === 0, 'zoomed in, region names give way to towns');
    if (docsDir && device === 'desktop') await p.locator('.map-panel').screenshot({path: `${docsDir}/map-towns.png`});
    await p.evaluate(() => window.faultline.map.setZoom(5, {animate: false}));
    await p.waitForSelector('.fl-region-label');
    const regions = await shown('fl-region-label');
    // (On a phone the legend covers most of the map, and no name goes under it.)
    check(regions.length > 0 && (device === 'phone' || regions.some((l) => l.text === 'KIDAL')) && clear(regions),
      `at zoom 5 the regions are named: ${regions.map((l) => l.text).join(', ')}`);
    check(new Set(towns.map((l) => l.text)).size === towns.length, `each town is named once: ${names.join(', ')}`);
    check((await shown('fl-town-label')).length === 0, 'at zoom 5 no town is named');
    if (docsDir && device === 'desktop') await p.locator('.map-panel').screenshot({path: `${docsDir}/map-regions.png`});
    await p.evaluate(() => window.faultline.map.setZoom(3, {animate: false}));
    await p.waitForFunction(() => document.querySelectorAll('.fl-region-label').length === 0);
    check((await shown('fl-town-label')).length === 0, 'the world view names nothing');
    await p.close();
  });
}

if (docsDir) {
  await step('documentation screenshots', async () => {
    const doc = await newPage(1400, 1000);
    await doc.goto(`${url}/?from=2012-01&to=2013-12`);
    await ready(doc);
    await doc.waitForTimeout(300);
    await doc.screenshot({path: `${docsDir}/page.png`});
    await doc.locator('.map-panel').screenshot({path: `${docsDir}/map.png`});
    await doc.locator('.timeline-panel').screenshot({path: `${docsDir}/timeline.png`});
    await doc.goto(`${url}/?from=2013-01&to=2015-12`);
    await ready(doc);
    await doc.locator('.network-panel').screenshot({path: `${docsDir}/network.png`});
    await doc.locator('.control-panel').screenshot({path: `${docsDir}/control.png`});
    await doc.close();
  });
}

// First-level region borders (Natural Earth admin-1, data/admin1.geojson): drawn at zoom 6 on Mali,
// under the event circles, with Kidal among the regions; none shown at the world view.
await step('region borders', async () => {
  const p = await newPage();
  // The borders shown on screen: paths of the layer with a box of some size.
  const borders = () => p.$$eval('path.fl-admin1', (ps) => ps.filter((e) => {
    const b = e.getBoundingClientRect();
    return b.width > 2 || b.height > 2;
  }).length);
  const res = await p.request.get(`${url}/data/admin1.geojson`);
  check(res.ok() && /geo\+json/.test(res.headers()['content-type'] || ''), `the borders are served as GeoJSON: ${res.status()}`);
  const names = res.ok() ? (await res.json()).features.filter((f) => f.properties.country === 'MLI').map((f) => f.properties.name) : [];
  check(names.includes('Kidal') && names.includes('Gao'), `Mali's regions include Kidal and Gao: ${names.join(', ')}`);
  await p.goto(`${url}/?view=6/17.500/-2.000`);
  await ready(p);  // after the basemap and its borders are drawn
  const shown = await borders();
  check(shown > 10, `at zoom 6 on Mali the region borders are drawn: ${shown}`);
  check(await p.evaluate(() => {
    const first = document.querySelector('path.fl-marker');
    return !first || [...document.querySelectorAll('path.fl-admin1')].every((b) => b.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
  }), 'the region borders are under the event circles');
  check(/Natural Earth/.test(await p.textContent('.leaflet-control-attribution')), 'the map credits Natural Earth');
  check(/Natural Earth/.test(await p.textContent('#methodology')), 'the Methodology dialog credits Natural Earth');
  await p.goto(`${url}/?view=2/15.000/0.000`);
  await ready(p);
  const world = await borders();
  check(world === 0, `the world view shows no region borders: ${world}`);
  await p.close();
});

check(errors.length === 0, `no errors in the page: ${errors.slice(0, 3).join(' | ')}`);
check(offsite.length === 0, `nothing loaded from elsewhere: ${offsite.slice(0, 3).join(' ')}`);
await browser.close();
console.log(`page_tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
