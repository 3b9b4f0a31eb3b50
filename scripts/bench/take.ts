/**
 * `npm run bench -- take`: how long a 3-minute take of the seed case takes to become a finished case package, step
 * by step, as the "Done when" asks. Chromium's fake microphone speaks a 180 s espeak-ng narration
 * (sentences with pauses, in paragraphs); while it talks the bench scrolls, windows, places arrows, marks and moves
 * through the steps, as a faculty member would. Then: stop → the draft (decode, voice activity, segments and cues),
 * the texts typed into "Recorded segments" (one fill per segment), the unreached steps removed, and "Export
 * package" until the download. Prints each phase's time and the package's size; writes bench/results/take-*.json
 * and .md.
 */
import { chromium, type Page } from 'playwright-core';
import { cpus, loadavg } from 'node:os';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { speechWav, type SpeechWav } from '../../tests/browser/speech';

const CASE = 'epidural-aml';
const TARGET_SECONDS = 180;

/** What a radiologist says over the seed case, in paragraphs; repeated (numbered) until the take is 3 minutes. */
const PARAGRAPHS = [
  ['This is a lumbar spine MRI in a young adult with back pain.', 'We start with the sagittal T one images.', 'Look at the marrow signal first.'],
  ['The vertebral bodies are darker than the discs.', 'That is abnormal in an adult.', 'It tells us the marrow is replaced.'],
  ['Now scroll to the midline.', 'Behind the body of L two there is a band of soft tissue.', 'It lifts the thecal sac away from the bone.'],
  ['A narrower window makes the edge easier to see.', 'The tissue is intermediate in signal, close to muscle.', 'It does not look like fat or fluid.'],
  ['After contrast it enhances evenly.', 'There is no rim, and no fluid centre.', 'So this is not an abscess.'],
  ['Put the two together: diffuse marrow replacement and an epidural mass.', 'In a young patient that should make us think of a haematological cause.', 'Leukaemia is the first on the list.'],
];

function narration(target: number): string[] {
  const out: string[] = [];
  // espeak-ng at 150 words a minute, and the pauses between: a sentence of n words lasts about 0.4 n + 1.2 s.
  let seconds = 0.6;
  for (let round = 0; seconds < target; round++) {
    for (const paragraph of PARAGRAPHS) {
      for (const [i, s] of paragraph.entries()) {
        const said = round === 0 || i > 0 ? s : `Once more. ${s}`;
        out.push(said);
        seconds += said.split(/\s+/).length * 0.4 + 1.2;
        if (seconds >= target) return out;
      }
    }
  }
  return out;
}

export interface TakeBenchResult {
  when: string;
  machine: { cpus: number; loadBefore: number[]; loadAfter: number[]; chromium: string };
  narration: { seconds: number; sentences: number };
  phases: { take: number; stopToDraft: number; typing: number; cleanup: number; export: number; total: number };
  draft: { segments: number; cues: number; steps: number; arrows: number; sweeps: number };
  typing: { segments: number; characters: number };
  package: { bytes: number; recordingBytes: number; dicomFiles: number; recordingType: string };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The take: acts at times of the recording (its zero: the recorder's start, seen from the page). */
async function recordTake(page: Page, speech: SpeechWav): Promise<number> {
  const left = page.locator('[role="img"][data-viewport="left"]');
  const box = (await left.boundingBox())!;
  const centre: [number, number] = [box.x + box.width / 2, box.y + box.height / 2];
  const started = Date.now();
  await page.getByRole('button', { name: 'Record lesson' }).click();
  await page.getByRole('timer', { name: 'Recording time' }).waitFor();
  const since = await page.evaluate(() => performance.now() - (window as unknown as { takeStart: number }).takeStart);
  const t0 = Date.now() - since;
  const at = async (s: number): Promise<void> => {
    const wait = t0 + s * 1000 - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
  };
  for (const [k, s] of speech.sentences.entries()) {
    switch (k % 8) {
      case 0: // a scroll while talking
        await at(s.start + 0.3);
        await page.mouse.move(...centre);
        for (let i = 0; i < 3; i++) await page.mouse.wheel(0, k % 16 === 0 ? 120 : -120);
        break;
      case 2: // a window change in the pause after
        await at(s.end + 0.3);
        await page.mouse.move(...centre);
        await page.mouse.down();
        await page.mouse.move(centre[0] + 30, centre[1] + 20, { steps: 4 });
        await page.mouse.up();
        break;
      case 4: // an arrow while talking
        await at(s.start + 0.3);
        await page.getByLabel('Arrow label').fill(`finding ${k}`);
        await page.getByRole('button', { name: 'Place arrow' }).click();
        await page.mouse.click(box.x + box.width * (0.35 + (k % 3) * 0.1), box.y + box.height * 0.5);
        await page.keyboard.press('Escape');
        break;
      case 5: // M half-way through a sentence
        await at((s.start + s.end) / 2);
        await page.locator('body').press('m');
        break;
      case 7: // the next step in the pause after
        await at(s.end + 0.3);
        await page.getByRole('button', { name: 'Next step' }).click();
        break;
    }
  }
  await at(speech.duration + 0.2);
  return Date.now() - started;
}

export async function takeBench(base: string, resultsDir: string): Promise<TakeBenchResult> {
  const loadBefore = loadavg();
  // The estimate is rough: more sentences until the spoken narration lasts the 3 minutes.
  let target = TARGET_SECONDS;
  let speech = speechWav(narration(target), { gap: 1.2, lead: 0.6 });
  while (speech.duration < TARGET_SECONDS) {
    target += (TARGET_SECONDS - speech.duration) * 1.1 + 1;
    speech = speechWav(narration(target), { gap: 1.2, lead: 0.6 });
  }
  console.log(`bench take: narration of ${speech.duration.toFixed(1)} s, ${speech.sentences.length} sentences (${speech.path})`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${speech.path}%noloop`],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, serviceWorkers: 'block', acceptDownloads: true });
    await context.grantPermissions(['microphone'], { origin: new URL(base).origin });
    const page = await context.newPage();
    // The recording's zero, for acting at times of the narration.
    await page.addInitScript(() => {
      const start = MediaRecorder.prototype.start;
      MediaRecorder.prototype.start = function (this: MediaRecorder, ...args: Parameters<MediaRecorder['start']>) {
        (window as unknown as { takeStart: number }).takeStart = performance.now();
        return start.apply(this, args);
      };
    });
    await page.goto(`${base}#/author/${CASE}`);
    await page.locator('[role="img"][data-viewport="left"][data-state="ready"]').waitFor({ timeout: 60_000 });

    const take = await recordTake(page, speech);
    console.log(`bench take: the take ${seconds(take)}`);

    let t = Date.now();
    await page.getByRole('button', { name: 'Stop recording' }).click();
    await page.getByText(/The take is the draft now/).waitFor({ timeout: 120_000 });
    const stopToDraft = Date.now() - t;
    console.log(`bench take: stop → draft ${seconds(stopToDraft)}`);

    // Typing: each segment gets the sentence said nearest its start.
    const list = page.getByRole('list', { name: 'Recorded segments' });
    const fields = list.getByLabel(/^What is said in segment \d+$/);
    const count = await fields.count();
    const startOf: Record<string, number> = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('[role="slider"][aria-label^="Start of recorded segment"]')].map((s) => [
          s.getAttribute('aria-label')?.split(' ').pop() ?? '',
          Number(s.getAttribute('aria-valuenow')),
        ]),
      ),
    );
    const starts = Array.from({ length: count }, (_, n) => startOf[String(n + 1)] ?? 0);
    let characters = 0;
    t = Date.now();
    for (let n = 0; n < count; n++) {
      const start = starts[n] ?? 0;
      const said = speech.sentences.reduce((best, s) => (Math.abs(s.start - start) < Math.abs(best.start - start) ? s : best)).text;
      characters += said.length;
      await fields.nth(n).fill(said);
    }
    const typing = Date.now() - t;
    console.log(`bench take: typing ${count} segments (${characters} characters) ${seconds(typing)}`);

    t = Date.now();
    const cleanup = page.getByRole('button', { name: /^Remove the (\d+ )?steps? without segments$/ });
    if (await cleanup.count()) await cleanup.click();
    await page.getByText('The case checks out.').waitFor({ timeout: 60_000 });
    const cleared = Date.now() - t;

    t = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Export package' }).click()]);
    const zipPath = join(resultsDir, '..', '.work', `take-${process.pid}.zip`);
    mkdirSync(join(zipPath, '..'), { recursive: true });
    await download.saveAs(zipPath);
    const exported = Date.now() - t;
    console.log(`bench take: export ${seconds(exported)}`);

    const zip = unzipSync(new Uint8Array(readFileSync(zipPath)));
    const caseJson = JSON.parse(strFromU8(zip['case.json']!)) as {
      transcript: unknown[];
      cues: { viewports: Record<string, { arrows: unknown[]; sweep?: unknown }> }[];
      steps: unknown[];
      narration?: { src: string };
    };
    const viewports = caseJson.cues.flatMap((c) => Object.values(c.viewports));
    const recording = caseJson.narration ? zip[caseJson.narration.src] : undefined;
    return {
      when: new Date().toISOString(),
      machine: { cpus: cpus().length, loadBefore, loadAfter: loadavg(), chromium: browser.version() },
      narration: { seconds: speech.duration, sentences: speech.sentences.length },
      phases: { take, stopToDraft, typing, cleanup: cleared, export: exported, total: take + stopToDraft + typing + cleared + exported },
      draft: {
        segments: caseJson.transcript.length,
        cues: caseJson.cues.length,
        steps: caseJson.steps.length,
        arrows: viewports.reduce((n, v) => n + v.arrows.length, 0),
        sweeps: viewports.filter((v) => v.sweep).length,
      },
      typing: { segments: count, characters },
      package: {
        bytes: statSync(zipPath).size,
        recordingBytes: recording?.length ?? 0,
        dicomFiles: Object.keys(zip).filter((f) => f.endsWith('.dcm')).length,
        recordingType: caseJson.narration?.src.split('.').pop() ?? 'none',
      },
    };
  } finally {
    await browser.close();
  }
}

export function takeMarkdown(r: TakeBenchResult): string {
  const kB = (b: number): string => `${Math.round(b / 1024)} kB`;
  return [
    `Take benchmark (issue P14), ${r.when}: a ${r.narration.seconds.toFixed(0)} s espeak-ng narration (${r.narration.sentences} sentences) over the seed case; headless Chromium ${r.machine.chromium}; ${r.machine.cpus} CPUs, load average ${r.machine.loadBefore.map((x) => x.toFixed(2)).join(' ')} before and ${r.machine.loadAfter.map((x) => x.toFixed(2)).join(' ')} after.`,
    '',
    '| phase | time |',
    '|---|---|',
    `| the take (speaking, scrolling, windowing, arrows, marks, steps) | ${seconds(r.phases.take)} |`,
    `| stop → draft (decode, voice activity, segments and cues, kept in IndexedDB) | **${seconds(r.phases.stopToDraft)}** |`,
    `| typing the texts in "Recorded segments" (${r.typing.segments} segments, ${r.typing.characters} characters, one fill each) | ${seconds(r.phases.typing)} |`,
    `| removing the steps the take never reached, until "The case checks out." | ${seconds(r.phases.cleanup)} |`,
    `| "Export package" → download | **${seconds(r.phases.export)}** |`,
    `| total | ${seconds(r.phases.total)} (${seconds(r.phases.total - r.phases.take)} after the take) |`,
    '',
    `The draft: ${r.draft.segments} segments, ${r.draft.cues} cues, ${r.draft.steps} steps, ${r.draft.arrows} arrows, ${r.draft.sweeps} sweeps.`,
    `The package: ${kB(r.package.bytes)} (the recording, ${r.package.recordingType}: ${kB(r.package.recordingBytes)}; ${r.package.dicomFiles} DICOM files).`,
  ].join('\n');
}

export function writeTakeResults(dir: string, r: TakeBenchResult): string {
  mkdirSync(dir, { recursive: true });
  const stamp = r.when.replace(/[:.]/g, '-');
  writeFileSync(join(dir, `take-${stamp}.json`), `${JSON.stringify(r, null, 2)}\n`);
  const md = join(dir, `take-${stamp}.md`);
  writeFileSync(md, `${takeMarkdown(r)}\n`);
  return md;
}
