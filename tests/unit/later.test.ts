/** Work a step leaves for a moment later (src/ui/later.ts): each call runs once, in order, none lost. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { later } from '../../src/ui/later';

describe('later', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs a call after its delay, not before', () => {
    const ran: string[] = [];
    const l = later(100);
    l.schedule(() => ran.push('a'));
    vi.advanceTimersByTime(99);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['a']);
    vi.advanceTimersByTime(1000);
    expect(ran).toEqual(['a']);
  });

  it('a new call runs the waiting one at once, so each keeps its own', () => {
    const ran: string[] = [];
    const l = later(100);
    l.schedule(() => ran.push('step 2'));
    l.schedule(() => ran.push('step 3'));
    expect(ran).toEqual(['step 2']);
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(['step 2', 'step 3']);
  });

  it('flush runs the waiting call now and only once; cancel drops it', () => {
    const ran: string[] = [];
    const l = later(100, true); // no requestIdleCallback here: the delay alone
    l.schedule(() => ran.push('kept'));
    l.flush();
    l.flush();
    vi.advanceTimersByTime(500);
    expect(ran).toEqual(['kept']);
    l.schedule(() => ran.push('dropped'));
    l.cancel();
    vi.advanceTimersByTime(500);
    expect(ran).toEqual(['kept']);
  });
});
