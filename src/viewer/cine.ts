/**
 * Cine: steps a viewport through its images at a frame rate, looping, as a radiologist plays a stack. Our own
 * timer rather than Cornerstone's playClip: each step goes through the same path as a learner's scroll (status,
 * linked viewports), and a step still loading is never stacked under the next one on a slow machine.
 */
export class Cine {
  private timer: ReturnType<typeof setInterval> | undefined;
  private busy = false;

  constructor(
    /** Shows the next image; resolves when it is shown (or failed). */
    private readonly step: () => Promise<void>,
    /** Told the frame rate when cine starts, and undefined when it stops. */
    private readonly report: (fps: number | undefined) => void,
  ) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(fps: number): void {
    this.clear();
    const rate = Math.min(60, Math.max(1, fps));
    this.timer = setInterval(() => {
      if (this.busy) return; // a slow decode skips frames instead of queueing them
      this.busy = true;
      this.step().finally(() => {
        this.busy = false;
      });
    }, 1000 / rate);
    this.report(rate);
  }

  stop(): void {
    if (!this.running) return;
    this.clear();
    this.report(undefined);
  }

  private clear(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.busy = false;
  }
}
