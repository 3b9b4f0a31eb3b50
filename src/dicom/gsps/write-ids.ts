/** New UIDs and DICOM dates for written objects: no registered root is needed under 2.25 (PS3.5 B.2). */

/** A 2.25 UID from 128 random bits (PS3.5 B.2: a UUID as one decimal number). */
export function newUid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return `2.25.${n.toString()}`;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** DA (YYYYMMDD) and TM (HHMMSS) of a moment, in UTC. */
export function dicomDateTime(at: Date): { date: string; time: string } {
  return {
    date: `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}`,
    time: `${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}`,
  };
}
