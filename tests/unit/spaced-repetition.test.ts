import { describe, expect, it } from 'vitest';
import { dueList, MIN_EASE, nextEase, review, type Quality, type Sm2State } from '../../src/case/spaced-repetition';

const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date('2026-01-01T09:00:00Z');

function run(qualities: Quality[]): Sm2State[] {
  const states: Sm2State[] = [];
  let state: Sm2State | undefined;
  let now = t0;
  for (const q of qualities) {
    state = review(state, q, now);
    states.push(state);
    now = new Date(state.dueAt);
  }
  return states;
}

describe('SM-2', () => {
  it('schedules 1 day, 6 days, then the previous interval times the ease factor', () => {
    const s = run([4, 4, 4, 4]);
    expect(s.map((x) => x.intervalDays)).toEqual([1, 6, 15, 38]); // EF stays 2.5 at quality 4
    expect(s.map((x) => x.repetitions)).toEqual([1, 2, 3, 4]);
    expect(Date.parse(s[0]!.dueAt) - t0.getTime()).toBe(DAY);
  });

  it('changes the ease factor by quality', () => {
    expect(nextEase(2.5, 5)).toBe(2.6);
    expect(nextEase(2.5, 4)).toBe(2.5);
    expect(nextEase(2.5, 3)).toBe(2.36);
    const s = run([5, 5, 5]);
    expect(s.map((x) => x.easeFactor)).toEqual([2.6, 2.7, 2.8]);
    expect(s[2]?.intervalDays).toBe(Math.round(6 * 2.7));
  });

  it('starts over after a lapse, keeping the ease factor', () => {
    const s = run([5, 5, 5, 2, 4]);
    expect(s[3]).toMatchObject({ repetitions: 0, intervalDays: 1, easeFactor: 2.8 });
    expect(s[4]).toMatchObject({ repetitions: 1, intervalDays: 1 });
  });

  it('never lets the ease factor fall below 1.3', () => {
    const s = run([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    expect(s.at(-1)?.easeFactor).toBe(MIN_EASE);
    expect(nextEase(1.3, 0)).toBe(MIN_EASE);
  });
});

describe('due list', () => {
  it('orders scheduled cases by due date, flags the due ones and skips unscheduled ones', () => {
    const now = new Date('2026-02-10T00:00:00Z');
    const at = (iso: string): Sm2State => ({ repetitions: 1, intervalDays: 1, easeFactor: 2.5, dueAt: iso, lastReviewedAt: iso });
    const list = dueList(
      [
        { caseId: 'later', sm2: at('2026-03-01T00:00:00Z') },
        { caseId: 'never' },
        { caseId: 'overdue', sm2: at('2026-02-07T12:00:00Z') },
        { caseId: 'today', sm2: at('2026-02-10T00:00:00Z') },
      ],
      now,
    );
    expect(list.map((x) => [x.caseId, x.due, x.overdueDays])).toEqual([
      ['overdue', true, 2],
      ['today', true, 0],
      ['later', false, 0],
    ]);
  });
});
