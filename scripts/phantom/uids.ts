/**
 * Deterministic DICOM UIDs. "2.25." followed by a decimal integer is the UUID-derived root that needs
 * no registered prefix; here the integer is a SHA-256 digest of (seed, label), so a regenerated case
 * keeps its UIDs and the committed files do not churn.
 */
import { createHash } from 'node:crypto';

/** A valid UID (<= 64 chars, no leading zero) for a named object of a given seed. */
export function phantomUid(seed: number, label: string): string {
  const digest = createHash('sha256').update(`epidural-aml-phantom/${seed}/${label}`).digest();
  // 16 bytes = 128 bits, like a UUID: at most 39 decimal digits, so "2.25." + 39 = 44 characters.
  let n = 0n;
  for (let i = 0; i < 16; i++) n = (n << 8n) | BigInt(digest[i] ?? 0);
  if (n === 0n) n = 1n;
  return `2.25.${n.toString(10)}`;
}

/** Fixed implementation UID of this generator (independent of the seed). */
export const IMPLEMENTATION_CLASS_UID = phantomUid(0, 'implementation-class');
