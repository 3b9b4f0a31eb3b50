/** A viewport's status as the UI sees it: sent whenever something a user can see in it changed, and only then. */
import type { ViewportStatus } from './types';

export class SlotStatus {
  current: ViewportStatus;
  private lastSent = '';

  constructor(
    viewportId: string,
    private readonly send: (status: ViewportStatus) => void,
  ) {
    this.current = { viewportId, seriesKey: null, seriesLabel: '', modality: '', imageIndex: 0, imageCount: 0, state: 'loading', progress: 0 };
  }

  /** Sends the status if anything in it changed since the last call. */
  update(change: Partial<ViewportStatus>): void {
    const next: ViewportStatus = { ...this.current, ...change };
    // Absent rather than undefined: what the UI receives is what JSON would carry.
    for (const key of Object.keys(next) as (keyof ViewportStatus)[]) if (next[key] === undefined) delete next[key];
    if (next.state !== 'error') delete next.error;
    this.current = next;
    const text = JSON.stringify(next);
    if (text === this.lastSent) return;
    this.lastSent = text;
    this.send({ ...next });
  }
}
