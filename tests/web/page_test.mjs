// The page in headless Chromium: loads it on the example corpus, checks the map, timeline,
// network, control timeline and table are drawn, filters by type (the table and the URL change),
// clicks map → event card (evidence marked, sources) → actor profile → the actor's events,
// document, brushes the timeline, goes back, opens a shared URL. Saves screenshots.
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

check(errors.length === 0, `no errors in the page: ${errors.slice(0, 3).join(' | ')}`);
check(offsite.length === 0, `nothing loaded from elsewhere: ${offsite.slice(0, 3).join(' ')}`);
await browser.close();
console.log(`page_tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
