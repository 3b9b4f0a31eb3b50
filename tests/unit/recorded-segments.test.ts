/**
 * The recorded-segments editor's pure parts: boundaries that keep their order however far they are pushed, the
 * waveform's peaks, and what an exported case says of a recording made in the browser (no file name, a WebM or
 * Ogg type, no duration in its container).
 */
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../src/case/authoring';
import type { Segment } from '../../src/case/schema';
import { parseCase } from '../../src/case/parse';
import { boundariesOf, moveBoundary, segmentEnd } from '../../src/ui/author/segments/boundaries';
import { computePeaks, peaksInRange } from '../../src/ui/author/segments/peaks';
import { narrationFileName, withRecording } from '../../src/ui/author/narration-export';
import { minimalCase } from '../fixtures/minimal-case';

const seg = (id: string, start: number, end?: number): Segment => ({ id, start, ...(end === undefined ? {} : { end }), step: 's1', speaker: 'teacher', text: '' });

describe('segment boundaries', () => {
  const transcript = [seg('a', 0, 1.8), seg('b', 2.8, 4.6), seg('c', 5.6)];
  const draft = { transcript } as unknown as Draft;

  it('are every start and every explicit end, each held between its neighbours', () => {
    expect(boundariesOf(transcript, 8).map((b) => [b.segmentId, b.kind, b.at, b.min, b.max])).toEqual([
      ['a', 'start', 0, 0, 1.7],
      ['a', 'end', 1.8, 0.1, 2.8],
      ['b', 'start', 2.8, 1.8, 4.5],
      ['b', 'end', 4.6, 2.9, 5.6],
      ['c', 'start', 5.6, 4.6, 8],
    ]);
    expect(segmentEnd(transcript, 0, 8)).toBe(1.8);
    expect(segmentEnd(transcript, 2, 8)).toBe(8);
  });

  it('move to the hundredth and stop at a neighbour, so times keep increasing', () => {
    expect(moveBoundary(draft, 'b', 'start', 2.3333, 8).transcript[1]).toMatchObject({ start: 2.33, end: 4.6 });
    expect(moveBoundary(draft, 'b', 'start', 0, 8).transcript[1]!.start).toBe(1.8);
    expect(moveBoundary(draft, 'b', 'end', 99, 8).transcript[1]!.end).toBe(5.6);
    expect(moveBoundary(draft, 'c', 'start', 99, 8).transcript[2]!.start).toBe(8);
    expect(moveBoundary(draft, 'a', 'start', -3, 8)).toBe(draft);
  });
});

describe('waveform peaks', () => {
  it('keep each bucket\'s lowest and highest sample, and merge buckets for a narrower drawing', () => {
    const samples = new Float32Array([0, 0.5, -0.25, 0, 0, 0, 0.1, -0.9]);
    const peaks = computePeaks(samples, 4);
    expect([...peaks]).toEqual([0, 0.5, -0.25, 0, 0, 0, -0.8999999761581421, 0.10000000149011612]);
    expect(peaksInRange(peaks, 0, 0.5)).toEqual([-0.25, 0.5]);
    expect(peaksInRange(peaks, 0.5, 0.75)).toEqual([0, 0]);
  });
});

describe('a recording made in the browser, exported', () => {
  it('gets an extension from its type when its name has none', () => {
    expect(narrationFileName({ name: '', type: 'audio/webm;codecs=opus' })).toBe('narration.webm');
    expect(narrationFileName({ name: 'take', type: 'audio/ogg; codecs=opus' })).toBe('take.ogg');
    expect(narrationFileName({ name: 'lecture.mp3', type: 'audio/mpeg' })).toBe('lecture.mp3');
    expect(narrationFileName({ name: 'take', type: 'audio/mp4' })).toBe('take.m4a');
  });

  it('makes a case whose narration a package holds and whose duration is the recording\'s', () => {
    const base = minimalCase() as unknown as Draft;
    const draft: Draft = { ...base, narration: { src: 'narration/narration', kind: 'audio' } };
    const out = withRecording(draft, { name: '', type: 'audio/webm;codecs=opus' }, 32.3456);
    expect(out.narration).toEqual({ src: 'narration/narration.webm', kind: 'audio' });
    expect(out.duration).toBe(32.35);
    // A recording shorter than the transcript gives no duration the checker would refuse.
    expect(withRecording(draft, { name: '', type: 'audio/ogg' }, 12).duration).toBeUndefined();
    expect(parseCase(out).ok).toBe(true);
    // An author's own end stands; a path with a media extension stays.
    expect(withRecording({ ...draft, duration: 20 }, { name: '', type: 'audio/ogg' }, 12).duration).toBe(20);
    expect(withRecording({ ...draft, narration: { src: 'n/x.wav', kind: 'audio' } }, { name: '', type: 'audio/ogg' }, 12).narration?.src).toBe('n/x.wav');
  });
});
