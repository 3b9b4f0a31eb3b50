/**
 * Consistent UID replacement for one case: the same input UID always gets the same new UID, so references
 * between files (a referenced image, a shared frame of reference) still match after de-identification.
 * New UIDs are "2.25." + a 128-bit number (ISO/IEC 9834-8), made from a hash of the case's secret salt and the
 * old UID: without the salt, nobody can tell which original UID a new one came from.
 */
import { sha256Text } from './sha256';

/** UIDs defined by DICOM itself (SOP classes, transfer syntaxes, coding schemes): never instance-specific. */
export const DICOM_ROOT = '1.2.840.10008.';

export class UidMap {
  private readonly mapped = new Map<string, string>();

  constructor(private readonly salt: string) {}

  map(uid: string): string {
    const clean = uid.replace(/[\0 ]+$/, '');
    let out = this.mapped.get(clean);
    if (out === undefined) {
      out = hashedUid(this.salt, clean);
      this.mapped.set(clean, out);
    }
    return out;
  }

  /** How many distinct UIDs were replaced. */
  get size(): number {
    return this.mapped.size;
  }
}

export function hashedUid(salt: string, uid: string): string {
  const digest = sha256Text(`${salt}\u0000uid\u0000${uid}`).slice(0, 16);
  // Mark it as a version 8 (custom) UUID with the RFC 9562 variant, as a UUID-derived OID should be.
  digest[6] = ((digest[6] as number) & 0x0f) | 0x80;
  digest[8] = ((digest[8] as number) & 0x3f) | 0x80;
  let n = 0n;
  for (const byte of digest) n = (n << 8n) | BigInt(byte);
  return `2.25.${n.toString(10)}`;
}

/** The per-case date shift, in whole days: 1 to 10 years back, derived from the salt so a re-run agrees. */
export function dateOffsetFromSalt(salt: string): number {
  const d = sha256Text(`${salt}\u0000date-offset`);
  const n = (((d[0] as number) << 24) | ((d[1] as number) << 16) | ((d[2] as number) << 8) | (d[3] as number)) >>> 0;
  const span = 3650 - 365 + 1;
  return -(365 + (n % span));
}
