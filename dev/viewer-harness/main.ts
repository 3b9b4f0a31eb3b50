/**
 * A bare page over the viewer session, for debugging and for browser checks driven by a script:
 * `window.__harness.apply([...])` applies cues to the two viewports and `statuses` / `interactions` record what
 * the session reported. Test data lives in ./public-data (copied from /work/shared/dicom, not committed).
 */
import { createViewerSession } from '../../src/viewer/session';
import type { SeriesSource, UserInteraction, ViewerSession, ViewportStatus, ViewportTarget } from '../../src/viewer/types';
import type { ViewportCue } from '../../src/case/schema';

// Plain paths: Vite rewrites `new URL(..., import.meta.url)` patterns as asset imports.
const data = (path: string): string => `/dev/viewer-harness/public-data/${path}`;
const numbered = (n: number): string => String(n).padStart(4, '0');

function series(key: string, label: string, modality: string, paths: string[]): SeriesSource {
  return { key, label, modality, files: paths.map((p) => ({ name: p, url: data(p) })) };
}

const sagFiles = Array.from({ length: 20 }, (_, i) => `sag/${numbered(i + 1)}.dcm`);
const SERIES = new Map<string, SeriesSource>(
  [
    // Listed backwards on purpose: the viewer must sort by position, not trust the list.
    series('sag', 'MR sagittal T1 (SAG-anon)', 'MR', [...sagFiles].reverse()),
    series('sag-useless', 'MR, every header window 11/22', 'MR', ['1', '2', '3', '4', '5'].map((n) => `sag-useless-window/000${n}.dcm`)),
    series('sag-truncated', 'MR with a truncated slice', 'MR', ['1', '2', '3', '4', '5', '6'].map((n) => `sag-truncated/000${n}.dcm`)),
    series('ct', 'CT head (GE, tilted)', 'CT', ['05', '06', '07', '08', '09', '10', '11', '12', '13', '14'].map((n) => `ct/${n}.dcm`)),
    series('sag-404', 'MR with a missing file', 'MR', [...sagFiles.slice(0, 5), 'sag/0099.dcm']),
    series('not-dicom', 'Not DICOM', 'MR', ['bad/notdicom.dcm']),
    series('text-file', 'A text file', 'MR', ['bad/text.dcm']),
    series('deflated', 'Deflated secondary capture', 'OT', ['deflate/image_dfl.dcm']),
    series('ct1', 'NEMA CT1', 'CT', ['deflate/ct1_le.dcm']),
  ].map((s) => [s.key, s]),
);
// A URL that the /cases/ middleware answers with a real 404 (Vite's own fallback may answer 200 with HTML).
SERIES.set('cases-404', {
  key: 'cases-404',
  label: 'Missing case file',
  modality: 'MR',
  files: [{ name: 't1-post/0005.dcm', url: '/cases/__no_such_case__/t1-post/0005.dcm' }],
});

type CueInput = Partial<ViewportCue> & { series: string };
interface HarnessTarget {
  viewportId: 'left' | 'right';
  cue: CueInput;
  imageIndex?: number;
}

const statuses: Record<string, ViewportStatus> = {};
const statusLog: ViewportStatus[] = [];
const interactions: { viewportId: string; kind: UserInteraction }[] = [];
let session: ViewerSession | null = null;

function render(): void {
  const el = document.getElementById('status');
  if (el) el.textContent = JSON.stringify(statuses, null, 1);
}

async function newSession(): Promise<void> {
  session = await createViewerSession({
    onStatus(status) {
      statuses[status.viewportId] = status;
      statusLog.push(status);
      render();
    },
    onUserInteraction(viewportId, kind) {
      interactions.push({ viewportId, kind });
    },
  });
}

function element(viewportId: string): HTMLDivElement {
  const el = document.getElementById(`vp-${viewportId}`);
  if (!(el instanceof HTMLDivElement)) throw new Error(`no element for ${viewportId}`);
  return el;
}

async function apply(targets: HarnessTarget[]): Promise<Record<string, ViewportStatus>> {
  if (!session) await newSession();
  const resolved: ViewportTarget[] = targets.map((t) => {
    const imageIndex = t.imageIndex ?? t.cue.imageIndex ?? 0;
    const cue: ViewportCue = { imageIndex, arrows: [], ...t.cue };
    return { viewportId: t.viewportId, element: element(t.viewportId), cue, imageIndex };
  });
  await session?.apply(resolved, SERIES);
  return { ...statuses };
}

const harness = {
  series: SERIES,
  statuses,
  statusLog,
  interactions,
  apply,
  scrollTo: (viewportId: string, index: number) => session?.scrollTo(viewportId, index),
  destroy: () => {
    session?.destroy();
    session = null;
  },
  recreate: async () => {
    session?.destroy();
    await newSession();
  },
  /** The viewport canvas as a data URL (Cornerstone draws into a 2D canvas in both GPU and CPU modes). */
  canvasDataUrl: (viewportId: string) => element(viewportId).querySelector('canvas')?.toDataURL() ?? null,
};
declare global {
  interface Window {
    __harness: typeof harness;
  }
}
window.__harness = harness;

document.getElementById('demo')?.addEventListener('click', () => {
  void apply([
    { viewportId: 'left', cue: { series: 'sag', imageIndex: 10, arrows: [{ tip: [128, 100], label: 'corpus callosum' }] } },
    { viewportId: 'right', cue: { series: 'ct', imageIndex: 5, preset: 'ct-brain' } },
  ]);
});
document.getElementById('destroy')?.addEventListener('click', () => harness.destroy());
document.getElementById('recreate')?.addEventListener('click', () => void harness.recreate());
