import { describe, expect, it } from 'vitest';
import { parseCase, parseCaseText } from '../../src/case/parse';
import { checkAgainstImages, type SeriesFacts } from '../../src/case/cross-check';
import { parseClock, formatClock } from '../../src/case/time';
import type { CaseFile, ParsedCase } from '../../src/case/schema';
import { minimalCase } from '../fixtures/minimal-case';

function problemsOf(mutate: (c: CaseFile) => void): string[] {
  const c = minimalCase();
  mutate(c);
  const r = parseCase(c);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

function parsed(): ParsedCase {
  const r = parseCase(minimalCase());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

describe('clock times', () => {
  it('reads seconds, m:ss, m:ss.s and h:mm:ss', () => {
    expect(parseClock('0:05')).toBe(5);
    expect(parseClock('1:21')).toBe(81);
    expect(parseClock('2:07.5')).toBe(127.5);
    expect(parseClock('1:02:03')).toBe(3723);
  });
  it('refuses what is not a clock', () => {
    for (const bad of ['1:5', '1:60', 'abc', '', '1:2:3:4', '-0:05']) expect(parseClock(bad)).toBeNull();
  });
  it('formats for display', () => {
    expect(formatClock(81)).toBe('1:21');
    expect(formatClock(3723)).toBe('1:02:03');
  });
});

describe('case schema', () => {
  it('accepts the minimal case and converts times to seconds', () => {
    const c = parsed();
    expect(c.transcript.map((s) => s.start)).toEqual([0, 5, 12.5, 20]);
    expect(c.cues[0]?.viewports.left?.arrows).toEqual([]);
  });

  it('names the path of a bad "m:ss"', () => {
    const p = problemsOf((c) => {
      c.transcript[1]!.start = '0:5';
    });
    expect(p).toEqual([expect.stringMatching(/^transcript\[1\]\.start: "0:5" is not a time/)]);
  });

  it('names the path of a missing field and of an unknown one', () => {
    const p = problemsOf((c) => {
      delete (c as Partial<CaseFile>).unknownTitle;
      (c as Record<string, unknown>).colour = 'red';
    });
    expect(p.join('\n')).toMatch(/unknownTitle/);
    expect(p.join('\n')).toMatch(/colour/);
  });

  it('reports invalid JSON as a problem, not a crash', () => {
    const r = parseCaseText('{ "id": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toMatch(/not valid JSON/);
  });
});

describe('structural cross-checks', () => {
  it('refuses an unknown series key, naming the known ones', () => {
    const p = problemsOf((c) => {
      c.cues[1]!.viewports.left!.series = 't1-pr';
    });
    expect(p).toEqual(['cues[1].viewports.left.series: unknown series "t1-pr" (known: pre, post, ct)']);
  });

  it('refuses times that do not increase', () => {
    const p = problemsOf((c) => {
      c.transcript[2]!.start = 4;
    });
    expect(p[0]).toMatch(/^transcript\[2\]\.start: 4 s is not after the previous segment's start \(5 s\)/);
  });

  it('refuses a reveal step that does not exist', () => {
    const p = problemsOf((c) => {
      c.reveal![1]!.revealAt = 'biopsy';
    });
    expect(p).toEqual([expect.stringMatching(/^reveal\[1\]\.revealAt: unknown step "biopsy"/)]);
  });

  it('refuses a step whose segments are not together', () => {
    const p = problemsOf((c) => {
      c.transcript[3]!.step = 'look';
    });
    expect(p.join('\n')).toMatch(/transcript\[3\]\.step: step "look" comes back/);
    expect(p.join('\n')).toMatch(/steps\[2\]: step "answer" has no transcript segment/);
  });

  it('refuses cues out of order, at unknown segments, or missing at the start', () => {
    expect(problemsOf((c) => void (c.cues[0]!.at = 's2'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^cues\[1\]\.at: segment "s2" is not after/), expect.stringMatching(/^cues: the first segment "s1" has no cue/)]),
    );
    expect(problemsOf((c) => void (c.cues[2]!.at = 'nope'))).toEqual(['cues[2].at: unknown segment "nope"']);
  });

  it('refuses duplicate ids and a link to a viewport the cue does not have', () => {
    const p = problemsOf((c) => {
      c.transcript[1]!.id = 's1';
      c.cues[2]!.links = [['left', 'middle']];
    });
    expect(p.join('\n')).toMatch(/transcript\[1\]\.id: "s1" is used more than once/);
    expect(p.join('\n')).toMatch(/cues\[2\]\.links\[0\]\[1\]: "middle" is not a viewport of this cue/);
  });

  it('refuses both a window and a preset', () => {
    const p = problemsOf((c) => {
      c.cues[0]!.viewports.left!.window = { center: 40, width: 400 };
      c.cues[0]!.viewports.left!.preset = 'ct-bone';
    });
    expect(p).toEqual(['cues[0].viewports.left.preset: give either "window" or "preset", not both']);
  });
});

describe('cross-checks against the images', () => {
  const facts = (over: Partial<Record<string, Partial<SeriesFacts>>> = {}): Map<string, SeriesFacts> =>
    new Map(
      ['pre', 'post', 'ct'].map((k) => [
        k,
        { imageCount: 5, rows: 64, columns: 48, frameOfReferenceUID: k === 'ct' ? '1.2.3' : '1.2.9', ...over[k] },
      ]),
    );

  it('passes when everything is in range', () => {
    expect(checkAgainstImages(parsed(), facts())).toEqual([]);
  });

  it('names an index past the last image', () => {
    const c = parsed();
    c.cues[1]!.viewports.left!.imageIndex = 40;
    expect(checkAgainstImages(c, facts()).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'cues[1].viewports.left.imageIndex: 40 is past the last image (4) of series "pre"',
    ]);
  });

  it('names an arrow outside the image', () => {
    const c = parsed();
    c.cues[1]!.viewports.left!.arrows[0]!.tip = [48, 10];
    const p = checkAgainstImages(c, facts());
    expect(p).toEqual([{ path: 'cues[1].viewports.left.arrows[0].tip', message: '[48, 10] is outside the 48x64 image of series "pre"' }]);
  });

  it('names a linked pair on different frames of reference', () => {
    const p = checkAgainstImages(parsed(), facts({ post: { frameOfReferenceUID: '9.9' } }));
    expect(p).toEqual([
      {
        path: 'cues[2].links[0][1]',
        message: 'series "post" is on another frame of reference than "pre": linked viewports must share one',
      },
    ]);
  });

  it('checks sweep ends', () => {
    const p = checkAgainstImages(parsed(), facts({ post: { imageCount: 3 } }));
    expect(p.map((x) => x.path)).toEqual(['cues[2].viewports.right.sweep.to']);
  });
});
