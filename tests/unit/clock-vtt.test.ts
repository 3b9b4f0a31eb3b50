import { describe, expect, it } from 'vitest';
import { ended, pause, play, seek, setRate, stoppedClock, timeAt } from '../../src/case/clock';
import { fromWebVtt, toWebVtt, VttError } from '../../src/case/webvtt';
import { parseCase } from '../../src/case/parse';
import { buildTimeline } from '../../src/case/timeline';
import { minimalCase } from '../fixtures/minimal-case';

describe('lesson clock', () => {
  it('advances only while playing, at its rate, and stops at the end', () => {
    let c = stoppedClock(30);
    expect(timeAt(c, 5000)).toBe(0);
    c = play(c, 1000);
    expect(timeAt(c, 3000)).toBe(2);
    c = setRate(c, 2, 3000);
    expect(timeAt(c, 4000)).toBe(4);
    c = pause(c, 4000);
    expect(timeAt(c, 60_000)).toBe(4);
    c = play(seek(c, 29, 60_000), 60_000);
    expect(timeAt(c, 70_000)).toBe(30);
    expect(ended(c, 70_000)).toBe(true);
    expect(timeAt(play(pause(c, 70_000), 71_000), 71_000)).toBe(0); // play at the end starts over
  });

  it('clamps speed and seeks', () => {
    const c = stoppedClock(30);
    expect(setRate(c, 5, 0).rate).toBe(2);
    expect(setRate(c, 0.1, 0).rate).toBe(0.5);
    expect(timeAt(seek(c, -4, 0), 0)).toBe(0);
    expect(timeAt(seek(c, 99, 0), 0)).toBe(30);
  });
});

describe('WebVTT', () => {
  const lesson = (() => {
    const r = parseCase(minimalCase());
    if (!r.ok) throw new Error('fixture');
    return r.value;
  })();

  it('round-trips segments, steps, speakers and times', () => {
    const ends = buildTimeline(lesson).segments.map((s) => s.end);
    const text = toWebVtt({ steps: lesson.steps, segments: lesson.transcript }, ends);
    expect(text.startsWith('WEBVTT\n')).toBe(true);
    const back = fromWebVtt(text);
    expect(back.steps).toEqual(lesson.steps);
    expect(back.segments.map(({ id, start, step, speaker, text: t }) => ({ id, start, step, speaker, text: t }))).toEqual(
      lesson.transcript.map(({ id, start, step, speaker, text: t }) => ({ id, start, step, speaker, text: t })),
    );
    expect(back.segments.map((s) => s.end)).toEqual(ends);
  });

  it('keeps markup-like text as text', () => {
    const segs = [{ id: 'a', start: 0, step: 's', speaker: 'teacher' as const, text: 'T1 <b> & "fat" > CSF' }];
    const back = fromWebVtt(toWebVtt({ steps: [{ id: 's', title: 'S' }], segments: segs }, [3]));
    expect(back.segments[0]?.text).toBe('T1 <b> & "fat" > CSF');
  });

  it('imports plain lecture captions as one step', () => {
    const back = fromWebVtt('WEBVTT\n\n00:01.000 --> 00:04.000\nHello\n\n00:05.000 --> 00:07.500\nSecond line\nwraps\n');
    expect(back.steps).toEqual([{ id: 'captions', title: 'Captions' }]);
    expect(back.segments.map((s) => [s.start, s.end, s.text])).toEqual([
      [1, 4, 'Hello'],
      [5, 7.5, 'Second line wraps'],
    ]);
  });

  const bad: [string, string, RegExp][] = [
    ['no header', 'hello\n', /^line 1: a WebVTT file starts with "WEBVTT"/],
    ['bad timing', 'WEBVTT\n\nid\n00:01 --> 00:02\ntext\n', /^line 4: expected a timing line/],
    ['end before start', 'WEBVTT\n\n00:00:05.000 --> 00:00:04.000\nx\n', /^line 3: the cue ends/],
    ['decreasing', 'WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nx\n\n00:00:01.000 --> 00:00:02.000\ny\n', /^line 6: .*times must increase/],
    ['no text', 'WEBVTT\n\nid\n00:00:05.000 --> 00:00:06.000\n', /^line 4: the cue has no text/],
  ];
  for (const [name, source, expected] of bad) {
    it(`names the line of a malformed file: ${name}`, () => {
      expect(() => fromWebVtt(source)).toThrow(VttError);
      expect(() => fromWebVtt(source)).toThrow(expected);
    });
  }
});
