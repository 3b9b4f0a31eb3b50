/** Recording a lesson in one take: the voice activity detector on generated signals, cut times, and the log as cues. */
import { describe, expect, it } from 'vitest';
import { speechRegions } from '../../src/case/take/voice-activity';
import { segmentStarts } from '../../src/case/take/take-segments';
import { takeLesson } from '../../src/case/take/take-lesson';
import type { TakeEvent, ViewState } from '../../src/case/take/take-log';
import { pauseClock, resumeClock, startClock, takeTime } from '../../src/case/take/take-clock';

const RATE = 16000;

/** Pieces of signal in order: a tone burst (speech-like: 200 Hz with a 4 Hz syllable wobble), silence or noise. */
function signal(parts: { kind: 'tone' | 'silence' | 'noise'; seconds: number; level?: number }[]): Float32Array {
  const total = parts.reduce((n, p) => n + Math.round(p.seconds * RATE), 0);
  const out = new Float32Array(total);
  let i = 0;
  let seed = 7;
  const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
  for (const p of parts) {
    const n = Math.round(p.seconds * RATE);
    for (let k = 0; k < n; k++, i++) {
      const t = k / RATE;
      if (p.kind === 'tone') out[i] = (p.level ?? 0.3) * Math.sin(2 * Math.PI * 200 * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t));
      else if (p.kind === 'noise') out[i] = (p.level ?? 0.003) * random();
    }
  }
  return out;
}

describe('voice activity', () => {
  it('finds nothing in silence, nor in quiet steady noise', () => {
    expect(speechRegions(signal([{ kind: 'silence', seconds: 3 }]), RATE)).toEqual([]);
    expect(speechRegions(signal([{ kind: 'noise', seconds: 3 }]), RATE)).toEqual([]);
  });

  it('finds tone bursts separated by 1 s silences, at their times', () => {
    const s = signal([
      { kind: 'silence', seconds: 0.5 },
      { kind: 'tone', seconds: 1.5 },
      { kind: 'silence', seconds: 1 },
      { kind: 'tone', seconds: 2 },
      { kind: 'silence', seconds: 1 },
      { kind: 'tone', seconds: 1 },
      { kind: 'silence', seconds: 0.5 },
    ]);
    const r = speechRegions(s, RATE);
    expect(r).toHaveLength(3);
    expect(r.map((x) => x.start)).toEqual([0.5, 3, 6].map((t) => expect.closeTo(t, 1)));
    expect(r.map((x) => x.end)).toEqual([2, 5, 7].map((t) => expect.closeTo(t, 1)));
  });

  it('finds the bursts in background noise too', () => {
    const r = speechRegions(
      signal([
        { kind: 'noise', seconds: 1 },
        { kind: 'tone', seconds: 1 },
        { kind: 'noise', seconds: 1.2 },
        { kind: 'tone', seconds: 1 },
        { kind: 'noise', seconds: 1 },
      ]),
      RATE,
    );
    expect(r.map((x) => Math.round(x.start * 10) / 10)).toEqual([1, 3.2]);
  });

  it('does not split at short gaps (a breath between words), nor count clicks as speech', () => {
    const r = speechRegions(
      signal([
        { kind: 'tone', seconds: 1 },
        { kind: 'silence', seconds: 0.4 },
        { kind: 'tone', seconds: 1 },
        { kind: 'silence', seconds: 1 },
        { kind: 'tone', seconds: 0.05 },
        { kind: 'silence', seconds: 1 },
      ]),
      RATE,
    );
    expect(r).toHaveLength(1);
    expect(r[0]!.end).toBeCloseTo(2.4, 1);
  });
});

describe('segment starts', () => {
  const speech = [
    { start: 0.5, end: 2 },
    { start: 3, end: 5 },
    { start: 6, end: 8 },
  ];
  it('start where speech resumes after each pause', () => {
    expect(segmentStarts({ speech, marks: [], steps: [], duration: 9 })).toEqual([0.5, 3, 6]);
  });
  it('cut at a mark made while speaking; one made in a pause starts the segment with the voice', () => {
    expect(segmentStarts({ speech, marks: [4, 5.5], steps: [], duration: 9 })).toEqual([0.5, 3, 4, 6]);
  });
  it('cut at step changes, and only at marks and steps without audio', () => {
    expect(segmentStarts({ speech, marks: [], steps: [7], duration: 9 })).toEqual([0.5, 3, 6, 7]);
    expect(segmentStarts({ speech: null, marks: [2.5], steps: [4], duration: 9 })).toEqual([0, 2.5, 4]);
    expect(segmentStarts({ speech: null, marks: [], steps: [], duration: 9 })).toEqual([0]);
  });
});

describe('the take as a lesson', () => {
  const left = (imageIndex: number, extra: Partial<ViewState> = {}): ViewState => ({ series: 't1-pre', imageIndex, ...extra });
  const log: TakeEvent[] = [
    { t: 0, kind: 'step', step: 'l2' },
    { t: 0, kind: 'view', viewports: { left: left(7) } },
    // A scroll during the first segment: 40 images, one sweep.
    ...Array.from({ length: 40 }, (_, k): TakeEvent => ({ t: 1 + k * 0.02, kind: 'view', viewports: { left: left(Math.min(14, 7 + k) - (k > 20 ? k - 20 : 0)) } })),
    { t: 2.5, kind: 'view', viewports: { left: left(3) } },
    // A window change in the pause before the second segment.
    { t: 2.8, kind: 'view', viewports: { left: left(3, { window: { center: 400, width: 800 } }) } },
    // An arrow placed while speaking, labelled afterwards.
    { t: 4, kind: 'arrows', viewportId: 'left', arrows: [{ id: 1, series: 't1-pre', arrow: { tip: [10, 20], label: '', imageIndex: 3 } }] },
    { t: 7.5, kind: 'arrows', viewportId: 'left', arrows: [{ id: 1, series: 't1-pre', arrow: { tip: [10, 20], label: 'L2', imageIndex: 3 } }] },
    // A layout change, then the next step.
    { t: 5.2, kind: 'view', viewports: { left: left(3, { window: { center: 400, width: 800 } }), 'cell-1': { series: 't1-post', imageIndex: 7 } } },
    { t: 8.6, kind: 'step', step: 'l5s1' },
    { t: 8.6, kind: 'arrows', viewportId: 'left', arrows: [] },
    { t: 8.6, kind: 'view', viewports: { left: left(7, { region: { box: [150, 150, 319, 290] } }) } },
  ];
  const { transcript, cues } = takeLesson(
    [...log].sort((a, b) => a.t - b.t),
    [0.5, 3, 6, 8.6],
    10,
    'l2',
  );

  it('writes one empty segment per start, in the step in force', () => {
    expect(transcript.map((s) => [s.id, s.start, s.step, s.text])).toEqual([
      ['seg-1', 0.5, 'l2', ''],
      ['seg-2', 3, 'l2', ''],
      ['seg-3', 6, 'l2', ''],
      ['seg-4', 8.6, 'l5s1', ''],
    ]);
  });

  it('gives each segment the view at its start, a scroll as one sweep, arrows with their last label', () => {
    expect(cues.map((c) => c.at)).toEqual(['seg-1', 'seg-2', 'seg-3', 'seg-4']);
    expect(cues[0]!.viewports.left).toEqual({ series: 't1-pre', imageIndex: 7, sweep: { from: 7, to: 3 }, arrows: [] });
    expect(cues[1]!.viewports.left).toEqual({ series: 't1-pre', imageIndex: 3, window: { center: 400, width: 800 }, arrows: [{ tip: [10, 20], label: 'L2' }] });
    expect(Object.keys(cues[2]!.viewports)).toEqual(['left', 'cell-1']);
    expect(cues[2]!.viewports.left!.arrows).toEqual([{ tip: [10, 20], label: 'L2' }]);
    expect(cues[3]!.viewports).toEqual({ left: { series: 't1-pre', imageIndex: 7, region: { box: [150, 150, 319, 290] }, arrows: [] } });
  });

  it('does not read a step chosen in the pause before a segment as scrolling or arrows of the segment before', () => {
    const r = takeLesson(
      [
        { t: 0, kind: 'step', step: 'l2' },
        { t: 0, kind: 'view', viewports: { left: left(11) } },
        { t: 0, kind: 'arrows', viewportId: 'left', arrows: [{ id: 1, series: 't1-pre', arrow: { tip: [1, 1], label: 'a', imageIndex: 11 } }] },
        { t: 3.4, kind: 'step', step: 'l5s1' },
        { t: 3.4, kind: 'view', viewports: { left: left(7) } },
        { t: 3.4, kind: 'arrows', viewportId: 'left', arrows: [{ id: 2, series: 't1-pre', arrow: { tip: [2, 2], label: 'b', imageIndex: 7 } }] },
      ],
      [0, 4.4],
      6,
      'l2',
    );
    expect(r.cues[0]!.viewports.left).toEqual({ series: 't1-pre', imageIndex: 11, arrows: [{ tip: [1, 1], label: 'a' }] });
    expect(r.cues[1]!.viewports.left).toEqual({ series: 't1-pre', imageIndex: 7, arrows: [{ tip: [2, 2], label: 'b' }] });
    expect(r.transcript.map((s) => s.step)).toEqual(['l2', 'l5s1']);
  });

  it('writes no cue where nothing changed', () => {
    const still = takeLesson([{ t: 0, kind: 'view', viewports: { left: left(7) } }], [0, 2, 4], 6, 'l2');
    expect(still.cues.map((c) => c.at)).toEqual(['seg-1']);
  });
});

describe('the take clock', () => {
  it('leaves paused time out', () => {
    let c = startClock(1000);
    expect(takeTime(c, 3000)).toBe(2);
    c = pauseClock(c, 3000);
    expect(takeTime(c, 9000)).toBe(2);
    c = resumeClock(c, 10_000);
    expect(takeTime(c, 11_000)).toBe(3);
  });
});

describe('take limits', () => {
  it('allow 30 minutes at most, less when the storage has room for less', async () => {
    const { takeLimit, pastLimit, MAX_TAKE_SECONDS } = await import('../../src/case/take/take-limits');
    expect(takeLimit(undefined)).toMatchObject({ seconds: MAX_TAKE_SECONDS, by: 'length' });
    expect(takeLimit({ quota: 10e9, usage: 1e9 })).toMatchObject({ seconds: MAX_TAKE_SECONDS, by: 'length' });
    const low = takeLimit({ quota: 2e6, usage: 1e6 });
    expect(low.by).toBe('storage');
    expect(low.seconds).toBeCloseTo(50, 0);
    expect(pastLimit(takeLimit(undefined), 30 * 60, 0)).toBe(true);
    expect(pastLimit(low, 10, 0.9e6)).toBe(true);
    expect(pastLimit(low, 10, 1000)).toBe(false);
  });
});
