/**
 * Cases made at test time for the robustness tests, written to a temp folder (never to cases/ or dist/) and
 * served by the preview server at /cases/<id>/ beside the built app's own cases:
 * - a case whose file breaks a cross-check, one that is not JSON, one whose series point at another host;
 * - a case whose one series has integer pixels, then floating-point ones;
 * - a case whose every text (title, steps, transcript, labels, arrows, reveal, vocabulary) is an XSS payload,
 *   over a real MR slice whose DICOM text attributes are payloads too.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';
import { hostileDicom, mrSmallFractionalSlope, MR_SMALL } from '../fixtures/hostile-dicom';
import { xssPayload, XSS_PAYLOADS } from '../fixtures/xss-payloads';

/** What the tests are told (plain JSON, through vitest's provide/inject). */
export interface TestCases {
  brokenId: string;
  notJsonId: string;
  outsideId: string;
  xssId: string;
  /** One series of two slices: integer pixels, then floating-point ones (a fractional rescale slope). */
  mixedPixelsId: string;
  /** The payloads used, in order; the XSS case uses every one at least once. */
  payloads: string[];
}

export interface TestCasesSetup {
  dir: string;
  cases: TestCases;
}

const TYPES: Record<string, string> = { '.json': 'application/json', '.dcm': 'application/dicom' };

function write(dir: string, id: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, id, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  }
}

function baseCase(id: string, series: unknown[]): Record<string, unknown> {
  return {
    formatVersion: 1,
    id,
    title: `Test case ${id}`,
    unknownTitle: 'Unknown case',
    modalities: ['MR'],
    series,
    steps: [
      { id: 'look', title: 'Look' },
      { id: 'answer', title: 'Answer' },
    ],
    transcript: [
      { id: 's1', start: 0, step: 'look', text: 'Here is the scan.' },
      { id: 's2', start: 10, end: 20, step: 'answer', text: 'The answer.' },
    ],
    cues: [{ at: 's1', viewports: { main: { series: 'mr', imageIndex: 0 } } }],
  };
}

function xssCase(id: string): Record<string, unknown> {
  let n = 0;
  const p = (): string => xssPayload(n++ % XSS_PAYLOADS.length);
  const steps = Array.from({ length: 5 }, (_, i) => ({ id: `step-${i + 1}`, title: p() }));
  const transcript = XSS_PAYLOADS.map((text, i) => ({ id: `seg-${i}`, start: i * 2, step: steps[Math.min(4, Math.floor(i / 10))]!.id, text }));
  return {
    formatVersion: 1,
    id,
    title: p(),
    unknownTitle: p(),
    summary: p(),
    tags: [p(), p()],
    modalities: ['MR'],
    series: [{ key: 'mr', label: p(), modality: 'MR', files: ['series/mr/0001.dcm'] }],
    steps,
    transcript,
    cues: [
      { at: 'seg-0', viewports: { main: { series: 'mr', imageIndex: 0, arrows: [{ tip: [30, 30], label: p() }] } } },
      { at: 'seg-10', viewports: { main: { series: 'mr', imageIndex: 0, arrows: [{ tip: [20, 40], label: p() }] } } },
    ],
    reveal: [
      { id: 'hx', kind: 'history', revealAt: 'step-1', title: p(), text: p() },
      { id: 'ddx', kind: 'differential', revealAt: 'step-1', title: p(), entries: [{ diagnosis: p(), reason: p() }, { diagnosis: p(), reason: p() }] },
      { id: 'dx', kind: 'diagnosis', revealAt: 'step-1', title: p(), diagnosis: p(), proof: p() },
    ],
    vocabulary: [{ id: 'v1', name: p(), synonyms: [p()] }],
    speakerNotes: { 'step-1': p() },
  };
}

export function writeTestCases(): TestCasesSetup {
  const dir = mkdtempSync(join(tmpdir(), 'robust-cases-'));
  const cases: TestCases = {
    brokenId: 'broken-cue',
    notJsonId: 'not-json',
    outsideId: 'outside-files',
    xssId: 'xss-everywhere',
    mixedPixelsId: 'mixed-pixels',
    payloads: [...XSS_PAYLOADS],
  };
  const mr = { key: 'mr', label: 'MR small', modality: 'MR', files: ['series/mr/0001.dcm'] };
  const broken = baseCase(cases.brokenId, [mr]);
  broken.cues = [{ at: 's1', viewports: { main: { series: 'nope', imageIndex: 0 } } }];
  write(dir, cases.brokenId, { 'case.json': JSON.stringify(broken), 'series/mr/0001.dcm': readFileSync(MR_SMALL) });
  write(dir, cases.notJsonId, { 'case.json': '{ "formatVersion": 1, "id": ' });
  const outside = baseCase(cases.outsideId, [{ ...mr, files: ['https://evil.example/0001.dcm'] }]);
  write(dir, cases.outsideId, { 'case.json': JSON.stringify(outside) });
  write(dir, cases.xssId, {
    'case.json': JSON.stringify(xssCase(cases.xssId), null, 1),
    'series/mr/0001.dcm': hostileDicom(xssPayload, 40),
  });
  write(dir, cases.mixedPixelsId, {
    'case.json': JSON.stringify(baseCase(cases.mixedPixelsId, [{ ...mr, files: ['series/mr/0001.dcm', 'series/mr/0002.dcm'] }])),
    'series/mr/0001.dcm': readFileSync(MR_SMALL),
    'series/mr/0002.dcm': mrSmallFractionalSlope(),
  });
  return { dir, cases };
}

export function removeTestCases(setup: TestCasesSetup): void {
  rmSync(setup.dir, { recursive: true, force: true });
}

/** Serves the test cases' files under /cases/ in `vite preview`; any other path goes on to the built app. */
export function testCasesPlugin(dir: string): Plugin {
  return {
    name: 'test-robustness-cases',
    configurePreviewServer(server) {
      server.middlewares.use('/cases/', (req, res, next) => {
        const file = normalize(join(dir, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')));
        if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
  };
}
