/**
 * De-identifies free text a radiologist wrote into a manifest, an ATFI report or a presentation state: the
 * names, IDs and dates that the source objects themselves identify the patient by (their identifying attributes)
 * are replaced wherever the text repeats them, in the usual spellings. Counted per field, never with the values.
 * This cannot find what the objects do not name (a relative's name, a ward): docs/case-import.md says so.
 */
import { firstString, type Dataset } from '../deid/dataset';

export type ReplacedKind = 'name' | 'id' | 'date';

export interface TextReplacement {
  /** The field as the importer names it ("History", "Key Object Description"). */
  field: string;
  kind: ReplacedKind;
  count: number;
}

const PERSON_TAGS = ['00100010', '00080090', '00081050', '00081060', '00081070', '00101001'];
const ID_TAGS = ['00100020', '00101000', '00080050', '00100021'];
const DATE_TAGS = ['00100030', '00080020', '00080021', '00080022', '00080023', '00080012'];

/** The order replacements are told in. */
const KIND_ORDER: readonly ReplacedKind[] = ['name', 'id', 'date'];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function personWords(ds: Dataset, tag: string): string[] {
  const out: string[] = [];
  for (const v of ds[tag]?.Value ?? []) {
    const name = typeof v === 'string' ? v : typeof v === 'object' && v !== null && 'Alphabetic' in v ? String((v as { Alphabetic: unknown }).Alphabetic ?? '') : '';
    for (const w of name.split(/[\^=\s,]+/)) if (w.length >= 2 && /\p{L}/u.test(w)) out.push(w);
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every spelling of a YYYYMMDD date this importer recognises. */
function dateSpellings(da: string): string[] {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(da.trim());
  if (!m) return [];
  const [y, mo, d] = [m[1]!, m[2]!, m[3]!];
  const month = MONTHS[Number(mo) - 1];
  const dn = String(Number(d));
  const mn = String(Number(mo));
  const spellings = [`${y}${mo}${d}`];
  for (const sep of ['-', '/', '.']) {
    spellings.push(`${y}${sep}${mo}${sep}${d}`, `${d}${sep}${mo}${sep}${y}`, `${mo}${sep}${d}${sep}${y}`);
    spellings.push(`${dn}${sep}${mn}${sep}${y}`, `${mn}${sep}${dn}${sep}${y}`);
  }
  if (month) {
    for (const mname of [month, month.slice(0, 3)]) {
      spellings.push(`${dn} ${mname} ${y}`, `${mname} ${dn}, ${y}`, `${mname} ${dn} ${y}`, `${d} ${mname} ${y}`);
    }
  }
  return [...new Set(spellings)];
}

interface Pattern {
  kind: ReplacedKind;
  re: RegExp;
}

/** The identifiers of the source objects (the manifest, the report, the images' headers), as patterns. */
export class TextScrubber {
  private readonly patterns: Pattern[] = [];
  readonly replaced: TextReplacement[] = [];

  constructor(sources: readonly Dataset[]) {
    const names = new Set<string>();
    const ids = new Set<string>();
    const dates = new Set<string>();
    for (const ds of sources) {
      for (const tag of PERSON_TAGS) personWords(ds, tag).forEach((w) => names.add(w));
      for (const tag of ID_TAGS) {
        for (const v of ds[tag]?.Value ?? []) if (typeof v === 'string' && v.trim().length >= 3) ids.add(v.trim());
      }
      for (const tag of DATE_TAGS) {
        const v = firstString(ds, tag);
        if (v) dateSpellings(v).forEach((s) => dates.add(s));
      }
    }
    // Longest first, so "2013-03-08" goes before a shorter spelling inside it.
    const byLength = (a: string, b: string): number => b.length - a.length;
    const word = (s: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`, 'giu');
    for (const d of [...dates].sort(byLength)) this.patterns.push({ kind: 'date', re: word(d) });
    for (const id of [...ids].sort(byLength)) this.patterns.push({ kind: 'id', re: word(id) });
    for (const n of [...names].sort(byLength)) this.patterns.push({ kind: 'name', re: word(n) });
  }

  /** The text with every identifier replaced by [name], [id] or [date]; what was replaced is added to `replaced`. */
  scrub(field: string, value: string): string {
    let out = value;
    const counts = new Map<ReplacedKind, number>();
    for (const { kind, re } of this.patterns) {
      out = out.replace(re, () => {
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
        return `[${kind}]`;
      });
    }
    for (const kind of KIND_ORDER) {
      const count = counts.get(kind);
      if (count) this.replaced.push({ field, kind, count });
    }
    return out;
  }
}

/** "History: 2 names, 1 date replaced" lines, one per field. */
export function replacementLines(replaced: readonly TextReplacement[]): string[] {
  const byField = new Map<string, string[]>();
  for (const r of replaced) {
    const list = byField.get(r.field) ?? [];
    list.push(`${r.count} ${r.kind}${r.count === 1 ? '' : 's'}`);
    byField.set(r.field, list);
  }
  return [...byField].map(([field, parts]) => `${field}: ${parts.join(', ')} replaced`);
}
