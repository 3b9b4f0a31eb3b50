// Browser check of the viewer session through the harness page. Not a committed test: a script to run by hand.
//   node dev/viewer-harness/make-data.mjs   (once: copies test DICOM into public-data/)
//   npx vite --port 5190 &   then   node dev/viewer-harness/check.mjs [--cpu]   (screenshots in shots/)
// --cpu starts Chromium without WebGL, so Cornerstone falls back to CPU rendering.
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { mkdirSync, writeFileSync } from 'node:fs';

const cpu = process.argv.includes('--cpu');
const base = process.env.HARNESS_URL ?? 'http://localhost:5190/dev/viewer-harness/';
const shots = new URL(`./shots/${cpu ? 'cpu' : 'gpu'}/`, import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run'];
if (cpu) args.push('--disable-3d-apis');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
const consoleLines = [];
page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
page.on('dialog', (d) => { consoleLines.push(`[dialog!] ${d.message()}`); void d.dismiss(); });
const requests = [];
page.on('request', (r) => requests.push(r.url()));

let failures = 0;
function check(ok, what, detail = '') {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `  (${detail})` : ''}`);
}

await page.goto(base);
await page.waitForFunction(() => window.__harness !== undefined);

const apply = (targets) => page.evaluate((t) => window.__harness.apply(t), targets);
const statuses = () => page.evaluate(() => ({ ...window.__harness.statuses }));
const interactions = () => page.evaluate(() => [...window.__harness.interactions]);

/** Non-black pixel share of a viewport's canvas, from its data URL. */
async function litShare(viewportId) {
  const url = await page.evaluate((id) => window.__harness.canvasDataUrl(id), viewportId);
  if (!url) return 0;
  const png = PNG.sync.read(Buffer.from(url.split(',')[1], 'base64'));
  let lit = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] + png.data[i + 1] + png.data[i + 2] > 30) lit++;
  return lit / (png.width * png.height);
}

/** Yellow share of a screenshot region (the SVG arrows are not in the canvas, so look at the screen). */
function yellowAround(png, cx, cy, r) {
  let yellow = 0;
  for (let y = Math.max(0, cy - r); y < Math.min(png.height, cy + r); y++) {
    for (let x = Math.max(0, cx - r); x < Math.min(png.width, cx + r); x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i] > 200 && png.data[i + 1] > 180 && png.data[i + 2] < 90) yellow++;
    }
  }
  return yellow;
}

async function shot(name) {
  const path = `${shots}${name}.png`;
  const buffer = await page.locator('#viewports').screenshot({ path });
  return { path, png: PNG.sync.read(buffer) };
}

// 1. Two series side by side, an arrow on the MR, a preset on the CT.
let t0 = Date.now();
let s = await apply([
  { viewportId: 'left', cue: { series: 'sag', imageIndex: 10, arrows: [{ tip: [128, 100], label: 'tip here' }] } },
  { viewportId: 'right', cue: { series: 'ct', imageIndex: 5, preset: 'ct-brain' } },
]);
console.log(`first apply took ${Date.now() - t0} ms`);
check(s.left?.state === 'ready' && s.right?.state === 'ready', 'both viewports ready', `${s.left?.state} / ${s.right?.state} ${s.left?.error ?? ''} ${s.right?.error ?? ''}`);
check(s.left?.imageCount === 20 && s.left?.imageIndex === 10, 'MR: 20 images, at index 10', JSON.stringify([s.left?.imageCount, s.left?.imageIndex]));
check(s.right?.imageCount === 10 && s.right?.voi?.center === 40 && s.right?.voi?.width === 80, 'CT: ct-brain preset 40/80', JSON.stringify(s.right?.voi));
check(s.left?.voi !== undefined && s.left.voi.width > 100, 'MR: auto window replaces the 11/22 header window', JSON.stringify(s.left?.voi));
check(s.left?.zoom === 1 && s.right?.zoom === 1, 'zoom 1 (fit) without zoom/region', `${s.left?.zoom} / ${s.right?.zoom}`);
const litL = await litShare('left');
const litR = await litShare('right');
check(litL > 0.2 && litR > 0.1, 'canvases are not blank', `left ${(litL * 100).toFixed(1)}% lit, right ${(litR * 100).toFixed(1)}% lit`);
let { path, png } = await shot('01-mr-arrow-ct-brain');
// 256x256 image fitted in 400x400: 1.5625 css px per image pixel; the tip is pixel (128,100)'s centre.
const vpBox = await page.locator('#vp-left').boundingBox();
const viewportsBox = await page.locator('#viewports').boundingBox();
const tipX = Math.round(vpBox.x - viewportsBox.x + 128.5 * 1.5625);
const tipY = Math.round(vpBox.y - viewportsBox.y + 100.5 * 1.5625);
const nearTip = yellowAround(png, tipX, tipY, 8);
const farFromTip = yellowAround(png, tipX + 60, tipY + 60, 8);
check(nearTip > 10 && farFromTip === 0, 'yellow arrow drawn at the tip pixel', `${nearTip} yellow px near (${tipX},${tipY}), ${farFromTip} away; ${path}`);
const svgArrow = await page.evaluate(() => document.querySelectorAll('#vp-left svg line').length);
check(svgArrow >= 1, 'arrow is an SVG line in the left viewport', `${svgArrow} lines`);
const rightLines = await page.evaluate(() => document.querySelectorAll('#vp-right svg line').length);
check(rightLines === 0, 'no arrow in the right viewport', `${rightLines} lines`);

// 1b. A series whose header windows are all useless (11/22 for pixels up to ~560) gets a window from its pixels.
s = await apply([
  { viewportId: 'left', cue: { series: 'sag', imageIndex: 10, arrows: [{ tip: [128, 100], label: 'tip here' }] } },
  { viewportId: 'right', cue: { series: 'sag-useless', imageIndex: 2 } },
]);
check(s.right?.state === 'ready' && s.right.voi && s.right.voi.width > 200, 'useless 11/22 header window replaced from the pixels', JSON.stringify(s.right?.voi));
const litUseless = await litShare('right');
({ path } = await shot('01b-useless-header-window'));
check(litUseless > 0.2, 'auto-windowed MR is visible', `${(litUseless * 100).toFixed(1)}% lit; ${path}`);
await apply([
  { viewportId: 'left', cue: { series: 'sag', imageIndex: 10, arrows: [{ tip: [128, 100], label: 'tip here' }] } },
  { viewportId: 'right', cue: { series: 'ct', imageIndex: 5, preset: 'ct-brain' } },
]);

// 2. Wheel scroll: index changes, reported as user interaction.
const before = (await statuses()).left.imageIndex;
await page.mouse.move(vpBox.x + 200, vpBox.y + 200);
await page.mouse.wheel(0, 120);
await page.waitForTimeout(400);
s = await statuses();
let inter = await interactions();
check(s.left.imageIndex !== before, 'wheel changed the image index', `${before} -> ${s.left.imageIndex}`);
check(inter.some((i) => i.viewportId === 'left' && i.kind === 'scroll'), 'wheel reported as scroll interaction', JSON.stringify(inter));
const arrowLinesAfterScroll = await page.evaluate(() => document.querySelectorAll('#vp-left svg line').length);
check(arrowLinesAfterScroll === 0, 'the arrow stays on its own image when scrolled away', `${arrowLinesAfterScroll} lines`);

// 3. Left drag windows, right drag zooms, middle drag pans.
const voiBefore = s.left.voi;
await page.mouse.move(vpBox.x + 200, vpBox.y + 200);
await page.mouse.down({ button: 'left' });
await page.mouse.move(vpBox.x + 260, vpBox.y + 230, { steps: 5 });
await page.mouse.up({ button: 'left' });
await page.mouse.down({ button: 'right' });
await page.mouse.move(vpBox.x + 200, vpBox.y + 150, { steps: 5 });
await page.mouse.up({ button: 'right' });
await page.mouse.down({ button: 'middle' });
await page.mouse.move(vpBox.x + 230, vpBox.y + 180, { steps: 5 });
await page.mouse.up({ button: 'middle' });
await page.waitForTimeout(300);
s = await statuses();
inter = await interactions();
const kinds = inter.filter((i) => i.viewportId === 'left').map((i) => i.kind);
check(JSON.stringify(s.left.voi) !== JSON.stringify(voiBefore), 'left drag changed the window', `${JSON.stringify(voiBefore)} -> ${JSON.stringify(s.left.voi)}`);
check(s.left.zoom !== 1, 'right drag changed the zoom', String(s.left.zoom));
check(['window', 'zoom', 'pan'].every((k) => kinds.includes(k)), 'drags reported as window, zoom, pan', kinds.join(','));
await shot('02-after-user-input');

// 4. Programmatic calls are not user interactions.
const countBefore = (await interactions()).length;
await page.evaluate(() => window.__harness.scrollTo('left', 3));
await page.waitForTimeout(300);
s = await statuses();
check(s.left.imageIndex === 3, 'scrollTo moved to image 3', String(s.left.imageIndex));
await apply([
  { viewportId: 'left', cue: { series: 'sag', imageIndex: 12, window: { center: 200, width: 400 }, zoom: 2 } },
  { viewportId: 'right', cue: { series: 'ct', imageIndex: 2, preset: 'ct-bone' } },
]);
s = await statuses();
check((await interactions()).length === countBefore, 'scrollTo()/apply() report no interaction');
check(s.left.voi?.center === 200 && s.left.voi?.width === 400 && s.left.zoom === 2, 'explicit window 200/400 and zoom 2', JSON.stringify([s.left.voi, s.left.zoom]));
check(s.right.voi?.center === 400 && s.right.voi?.width === 1800, 'ct-bone preset', JSON.stringify(s.right.voi));
await shot('03-window-zoom2-bone');

// 5. Region: the box is fitted and centred; arrow with its own tail.
await apply([
  { viewportId: 'left', cue: { series: 'sag', imageIndex: 10, region: { box: [96, 64, 160, 128] },
    arrows: [{ tip: [128, 96], tail: [150, 120], label: 'region centre' }] } },
  { viewportId: 'right', cue: { series: 'ct', imageIndex: 5, region: { box: [128, 128, 383, 383] }, preset: 'ct-brain' } },
]);
s = await statuses();
check(Math.abs(s.left.zoom - 400 / (65 * 1.5625)) < 0.01, 'MR region 65x65 px fitted (zoom 400/(65*1.5625) = 3.938)', String(s.left.zoom));
check(Math.abs(s.right.zoom - 2) < 0.05, 'CT region 256x256 of 512 fitted (zoom 2)', String(s.right.zoom));
({ path, png } = await shot('04-region'));
// The box centre (128.5, 96.5 in image coords... box spans 96..161 x 64..129, centre 128.5,96.5) is the viewport centre.
const cx = Math.round(vpBox.x - viewportsBox.x + 200);
const cy = Math.round(vpBox.y - viewportsBox.y + 200);
check(yellowAround(png, cx, cy, 8) > 10, 'arrow tip at the region centre is at the viewport centre', path);

// 6. Errors stay in their viewport and name the file.
const sagRequestsBefore = requests.filter((u) => u.includes('/public-data/sag/')).length;
await apply([
  { viewportId: 'left', cue: { series: 'cases-404', imageIndex: 0 } },
  { viewportId: 'right', cue: { series: 'sag', imageIndex: 4 } },
]);
s = await statuses();
check(s.left.state === 'error' && s.left.error === 't1-post/0005.dcm: HTTP 404 Not Found', '404 names the file', s.left.error);
check(s.right.state === 'ready', 'the other viewport keeps working', s.right.state);
check(requests.filter((u) => u.includes('/public-data/sag/')).length === sagRequestsBefore, 'switching back to a loaded series does not refetch');
const litAfterError = await litShare('left');
check(litAfterError < 0.01, 'the failed viewport is blanked', `${(litAfterError * 100).toFixed(1)}% lit`);
await shot('05-404-left');

for (const [key, expected] of [
  ['not-dicom', 'bad/notdicom.dcm: not a DICOM file (only 17 bytes, too short for the "DICM" marker at byte 128)'],
  ['text-file', 'bad/text.dcm: not a DICOM file (no "DICM" marker at byte 128)'],
  ['sag-404', 'sag/0099.dcm: not found (the server sent a web page instead of the file)'],
]) {
  await apply([{ viewportId: 'left', cue: { series: key, imageIndex: 0 } }, { viewportId: 'right', cue: { series: 'ct', imageIndex: 1 } }]);
  s = await statuses();
  check(s.left.state === 'error' && s.left.error === expected, `${key}: error names the file`, s.left.error);
  check(s.right.state === 'ready', `${key}: other viewport ready`);
}
// A file whose header reads but whose pixel data is cut short: error when shown, cleared by scrolling on.
await apply([{ viewportId: 'left', cue: { series: 'sag-truncated', imageIndex: 2 } }, { viewportId: 'right', cue: { series: 'ct', imageIndex: 1 } }]);
await page.evaluate(() => window.__harness.scrollTo('left', 3));
await page.waitForTimeout(400);
s = await statuses();
check(s.left.state === 'error' && s.left.imageIndex === 3 && s.left.error?.startsWith('sag-truncated/0004.dcm: the file is cut short'),
  'scrolling onto an undecodable slice names it', s.left.error);
await page.mouse.move(vpBox.x + 200, vpBox.y + 200);
await page.mouse.wheel(0, 120);
await page.waitForTimeout(400);
s = await statuses();
check(s.left.state === 'ready' && s.left.imageIndex === 4 && s.left.error === undefined, 'scrolling on to a good slice clears it', `${s.left.state} ${s.left.imageIndex}`);
await apply([{ viewportId: 'left', cue: { series: 'sag-truncated', imageIndex: 3 } }, { viewportId: 'right', cue: { series: 'ct', imageIndex: 1 } }]);
s = await statuses();
check(s.left.state === 'error' && s.left.voi === undefined && s.right.state === 'ready', 'a cue on the undecodable slice: error there only', s.left.error);

await apply([{ viewportId: 'left', cue: { series: 'deflated', imageIndex: 0 } }, { viewportId: 'right', cue: { series: 'ct1', imageIndex: 0 } }]);
s = await statuses();
check(s.left.state === 'ready', 'deflated transfer syntax renders', `${s.left.state} ${s.left.error ?? ''}`);
check(s.right.state === 'ready', 'NEMA CT1 renders', `${s.right.state} ${s.right.error ?? ''}`);
check((await litShare('left')) > 0.05, 'deflated image is not blank', `${((await litShare('left')) * 100).toFixed(1)}%`);
await shot('06-deflated-ct1');

// 7. One viewport only: the other is disabled; then destroy and a new session.
await apply([{ viewportId: 'right', cue: { series: 'sag', imageIndex: 9 } }]);
const canvasesLeft = await page.evaluate(() => document.querySelectorAll('#vp-left canvas').length);
check(canvasesLeft === 0, 'a viewport left out of apply() is disabled', `${canvasesLeft} canvases left`);
await page.evaluate(() => window.__harness.recreate());
s = await apply([
  { viewportId: 'left', cue: { series: 'ct', imageIndex: 7, preset: 'ct-brain', arrows: [{ tip: [256, 256], label: 'centre' }] } },
  { viewportId: 'right', cue: { series: 'sag', imageIndex: 10 } },
]);
check(s.left.state === 'ready' && s.right.state === 'ready', 'a new session after destroy() works', `${s.left.state}/${s.right.state}`);
await shot('07-new-session');

// 8. Same series in both viewports: each shows only its own arrows.
await apply([
  { viewportId: 'left', cue: { series: 'sag', imageIndex: 10, arrows: [{ tip: [60, 60], label: 'L' }] } },
  { viewportId: 'right', cue: { series: 'sag', imageIndex: 10, arrows: [{ tip: [200, 200], label: 'R' }] } },
]);
const lineCounts = await page.evaluate(() => [
  document.querySelectorAll('#vp-left svg line').length,
  document.querySelectorAll('#vp-right svg line').length,
]);
check(lineCounts[0] === lineCounts[1] && lineCounts[0] >= 1, 'same series twice: one arrow each', JSON.stringify(lineCounts));
await shot('08-same-series-own-arrows');

// 9. Progress while loading, a newer cue overtaking an older one, an arrow on another image, resizing.
await page.evaluate(() => window.__harness.recreate());
await page.evaluate(() => { window.__harness.statusLog.length = 0; });
await page.evaluate(() => {
  // Not awaited: the second apply must win over the first for the left viewport.
  void window.__harness.apply([{ viewportId: 'left', cue: { series: 'ct', imageIndex: 0, preset: 'ct-bone' } }]);
});
s = await apply([
  { viewportId: 'left', cue: { series: 'sag', imageIndex: 10, arrows: [{ tip: [150, 150], label: 'on 12', imageIndex: 12 }] } },
]);
await page.waitForTimeout(500); // let the overtaken apply finish, if it were to write anything
s = await statuses();
const log = await page.evaluate(() => window.__harness.statusLog.filter((x) => x.viewportId === 'left'));
const progress = log.filter((x) => x.state === 'loading').map((x) => x.progress);
check(progress.length >= 3 && progress.some((p) => p > 0 && p < 1), 'loading reports progress between 0 and 1', progress.map((p) => p.toFixed(2)).join(' '));
check(s.left.seriesKey === 'sag' && s.left.imageIndex === 10 && s.left.state === 'ready', 'the newer cue wins', `${s.left.seriesKey} ${s.left.imageIndex}`);
check(await page.evaluate(() => document.querySelectorAll('#vp-left svg line').length) === 0, 'arrow for image 12 not shown on image 10');
await page.evaluate(() => window.__harness.scrollTo('left', 12));
await page.waitForTimeout(400);
check(await page.evaluate(() => document.querySelectorAll('#vp-left svg line').length) >= 1, 'arrow for image 12 shown on image 12');
const canvasWidthBefore = await page.evaluate(() => document.querySelector('#vp-left canvas').width);
await page.evaluate(() => { document.getElementById('vp-left').style.width = '300px'; });
await page.waitForTimeout(500);
const canvasWidthAfter = await page.evaluate(() => document.querySelector('#vp-left canvas').width);
check(canvasWidthAfter < canvasWidthBefore, 'the canvas follows the element size (ResizeObserver)', `${canvasWidthBefore} -> ${canvasWidthAfter}`);
await shot('09-resized-arrow-on-12');
await page.evaluate(() => { document.getElementById('vp-left').style.width = ''; });

const worrying = consoleLines.filter((l) => /error|dialog|warn/i.test(l));
console.log(`\nconsole (${consoleLines.length} lines, ${worrying.length} warnings/errors):`);
for (const l of worrying.slice(0, 30)) console.log('  ' + l.slice(0, 300));
writeFileSync(`${shots}console.txt`, consoleLines.join('\n'));
await browser.close();
console.log(failures ? `\n${failures} check(s) failed` : '\nall checks passed');
process.exit(failures ? 1 : 0);
