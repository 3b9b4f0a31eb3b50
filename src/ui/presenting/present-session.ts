/**
 * A presentation's neutral address. While presenting, the audience window shows `#/present/<session>` instead
 * of the case's own address (the case id can name the answer, and a projector shows the address bar whenever the
 * window is not full screen). The session is a random name that leads back to the page presented: this page's
 * memory knows it, and sessionStorage keeps it (with the position and reveal) so a reload of the audience window
 * presents the same case where it was. sessionStorage belongs to this tab only, and a console window opened from it
 * starts with a copy.
 */
import { z } from 'zod';
import { SESSION_PATTERN, type PresentableRoute } from '../route';

const KEY = 'ctv.present.';

export interface PresentPosition {
  segmentIndex: number;
  revealedThrough: number;
  revealedByHand: string[];
  revealFloor: number;
}

const Count = z.number().int().min(-1).max(100_000);
const CaseId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(200);
const RecordSchema = z.strictObject({
  base: z.discriminatedUnion('page', [
    z.strictObject({ page: z.literal('case'), caseId: CaseId, step: z.number().int().min(1).max(100_000).nullable() }),
    z.strictObject({ page: z.literal('package'), caseId: CaseId }),
    z.strictObject({ page: z.literal('local') }),
  ]),
  position: z
    .strictObject({ segmentIndex: Count, revealedThrough: Count, revealedByHand: z.array(z.string().max(200)).max(200), revealFloor: Count })
    .nullable(),
});
type SessionRecord = z.infer<typeof RecordSchema>;

/** This page's session, when it presents (or presented: pressing Present again keeps the same address). */
let current: { id: string; base: PresentableRoute } | null = null;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // blocked: the session lives in this page's memory only, and a reload falls back to the library
  }
}

function write(id: string, record: SessionRecord): void {
  try {
    storage()?.setItem(KEY + id, JSON.stringify(record));
  } catch {
    // full or blocked: as above
  }
}

function read(id: string): SessionRecord | null {
  try {
    const text = storage()?.getItem(KEY + id);
    if (!text) return null;
    const r = RecordSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

function sameBase(a: PresentableRoute, b: PresentableRoute): boolean {
  return a.page === b.page && (a.page === 'local' || (b.page !== 'local' && a.caseId === b.caseId));
}

function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The session presenting `base` from this page: the current one when it presents the same page, else a new one. */
export function beginPresentSession(base: PresentableRoute): string {
  if (!current || !sameBase(current.base, base)) {
    current = { id: newSessionId(), base };
    write(current.id, { base, position: null });
  }
  return current.id;
}

/** The page a session presents, from this page's memory or this tab's storage (after a reload); null if unknown. */
export function presentSessionBase(id: string): PresentableRoute | null {
  if (!SESSION_PATTERN.test(id)) return null;
  if (current?.id === id) return current.base;
  const record = read(id);
  if (!record) return null;
  current = { id, base: record.base };
  return record.base;
}

export function currentPresentSession(): { id: string; base: PresentableRoute } | null {
  return current;
}

export function savePresentPosition(id: string, position: PresentPosition): void {
  const base = presentSessionBase(id);
  if (base) write(id, { base, position });
}

export function presentPosition(id: string): PresentPosition | null {
  return read(id)?.position ?? null;
}
