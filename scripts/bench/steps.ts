/**
 * Step change latency: from the key press ("Next step", →) to the viewer having the step's cue on screen, images
 * rendered and arrows drawn. The end is the viewer's own `viewer:apply-end` performance mark (src/viewer/session.ts),
 * which apply() sets once every viewport is ready; it is paired with the first `viewer:apply-start` after the key.
 *  - cold: a fresh page, and every key pressed as soon as the previous step is on screen (nothing prefetched
 *    beyond what the app managed meanwhile);
 *  - warm: the same, but each key waits for a quiet network and a short pause, so whatever the app prefetches for
 *    the next step has arrived.
 * With each latency goes how many times each viewport drew its image for the step (until the next key): one is
 * the least a step can cost; more means the learner waited for, or the machine spent, a redraw.
 */
import type { Browser } from 'playwright-core';
import { allViewportsReady, openRun } from './run';
import { bareUrl, type BareTarget, type Size } from './first-image';

/** Page-side: the latency of the apply that followed key press number `k`, or null while it is not done. */
const latencyOf = (k: number): string => `(() => {
  const key = window.__bench.keys[${k}];
  if (key === undefined) return null;
  const start = performance.getEntriesByName('viewer:apply-start').find((m) => m.startTime >= key);
  if (!start) return null;
  const end = performance.getEntriesByName('viewer:apply-end').find((m) => m.detail === start.detail);
  return end ? end.startTime - key : null;
})()`;

/** Page-side: images drawn since key press number `k`, per viewport on screen. */
const drawsPerViewport = (k: number): string => `(() => {
  const key = window.__bench.keys[${k}];
  const viewports = document.querySelectorAll('[role="img"][data-viewport]').length;
  return window.__bench.renders.filter((t) => t >= key).length / Math.max(1, viewports);
})()`;

export interface StepFigures {
  latencies: number[];
  /** Per step: images drawn per viewport, counted until just before the next key. */
  drawsPerViewport: number[];
}

export async function stepLatencies(browser: Browser, base: string, caseId: string, stepCount: number, warm: boolean): Promise<StepFigures> {
  const run = await openRun(browser);
  const out: number[] = [];
  const draws: number[] = [];
  try {
    await run.page.goto(`${base}#/case/${caseId}/step/1`);
    await allViewportsReady(run.page);
    for (let step = 1; step < stepCount; step++) {
      if (warm) {
        await run.networkIdle(500, 60_000);
        await run.page.waitForTimeout(300);
      }
      const k = await run.page.evaluate<number>('window.__bench.keys.length');
      await run.page.keyboard.press('ArrowRight');
      const handle = await run.page.waitForFunction(latencyOf(k), null, { timeout: 30_000, polling: 10 });
      out.push((await handle.jsonValue()) as number);
      if (warm) {
        // Late redraws (a resize noticed after the step) land within a few frames of it.
        await run.page.waitForTimeout(400);
        draws.push(await run.page.evaluate<number>(drawsPerViewport(k)));
      }
    }
  } finally {
    await run.close();
  }
  return { latencies: out, drawsPerViewport: draws };
}

/**
 * The floor for a step change on this machine: the bare page, same image and viewport size, asked to render once
 * (a small zoom), from the request to the image on screen. No key, no React, no arrows. With `cpu`, the same with
 * Cornerstone's CPU renderer instead of WebGL (the app keeps WebGL: see README "Bench").
 */
export async function bareRenderLatencies(browser: Browser, base: string, target: BareTarget, size: Size, count: number, cpu = false): Promise<number[]> {
  const run = await openRun(browser);
  const out: number[] = [];
  try {
    await run.page.goto(bareUrl(base, target, size, cpu));
    await run.page.waitForFunction('window.__bare && window.__bare.firstImage !== undefined', null, { timeout: 60_000 });
    await run.networkIdle(500, 30_000);
    for (let i = 0; i < count; i++) {
      await run.page.waitForTimeout(300);
      out.push(await run.page.evaluate<number>('window.__bare.renderOnce()'));
    }
  } finally {
    await run.close();
  }
  return out;
}
