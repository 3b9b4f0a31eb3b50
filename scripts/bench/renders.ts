/**
 * React renders during playback within one segment (no cue change): the viewer's components should not render
 * at all, however often the clock ticks; the playback bar, which shows the time, renders with every tick and is
 * the reference. Counted by src/ui/render-count.ts.
 */
import type { Browser } from 'playwright-core';
import { allViewportsReady, openRun } from './run';

export interface RenderCounts {
  seconds: number;
  counts: Record<string, number>;
}

export async function rendersDuringPlayback(browser: Browser, base: string, caseId: string, seconds: number): Promise<RenderCounts> {
  const run = await openRun(browser);
  try {
    await run.page.goto(`${base}#/case/${caseId}/step/1`);
    await allViewportsReady(run.page);
    await run.networkIdle(500, 60_000);
    await run.page.evaluate('for (const k of Object.keys(window.__renderCounts)) delete window.__renderCounts[k]');
    await run.page.keyboard.press('k');
    await run.page.waitForTimeout(seconds * 1000);
    const counts = await run.page.evaluate<Record<string, number>>('({ ...window.__renderCounts })');
    await run.page.keyboard.press('k');
    return { seconds, counts };
  } finally {
    await run.close();
  }
}
