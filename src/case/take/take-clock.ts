/**
 * The recording's clock: seconds of the take, paused time left out, so an event's time is where it falls in the
 * recorded audio (MediaRecorder leaves paused time out too). Pure: the caller passes the wall clock in ms.
 */
export interface TakeClock {
  startedAt: number;
  pausedAt: number | null;
  pausedFor: number;
}

export const startClock = (wall: number): TakeClock => ({ startedAt: wall, pausedAt: null, pausedFor: 0 });

export const takeTime = (c: TakeClock, wall: number): number => Math.max(0, ((c.pausedAt ?? wall) - c.startedAt - c.pausedFor) / 1000);

export const pauseClock = (c: TakeClock, wall: number): TakeClock => (c.pausedAt === null ? { ...c, pausedAt: wall } : c);

export const resumeClock = (c: TakeClock, wall: number): TakeClock =>
  c.pausedAt === null ? c : { ...c, pausedAt: null, pausedFor: c.pausedFor + (wall - c.pausedAt) };
