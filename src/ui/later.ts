/**
 * Work a step leaves for a moment later (a history entry, a progress record): it must not hold up the viewer's
 * drawing of the step, yet every step keeps its own. `schedule` runs any waiting call first, `flush` runs it now,
 * `cancel` drops it. With `idle`, the call waits for the browser to be idle, `ms` at most; else `ms` exactly.
 */
export interface Later {
  schedule(run: () => void): void;
  flush(): void;
  cancel(): void;
}

export function later(ms: number, idle = false): Later {
  let waiting: { run: () => void; stop: () => void } | undefined;
  const flush = (): void => {
    const w = waiting;
    if (!w) return;
    waiting = undefined;
    w.stop();
    w.run();
  };
  const start = (): (() => void) => {
    if (idle && typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(flush, { timeout: ms });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(flush, ms);
    return () => clearTimeout(id);
  };
  return {
    schedule(run) {
      flush();
      waiting = { run, stop: start() };
    },
    flush,
    cancel() {
      waiting?.stop();
      waiting = undefined;
    },
  };
}
