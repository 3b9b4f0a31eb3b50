/**
 * ATFI, Additional Teaching File Information: an SR whose root is (TCE006, IHERADTF). Each item this app knows
 * (codes.ts) is read as text (TEXT) or as its code's meaning (CODE); an item that cannot be read is a problem
 * naming it, and the rest are still read.
 */
import type { Dataset } from '../deid/dataset';
import { ATFI_ITEMS, ATFI_TITLE, type AtfiField } from './codes';
import { codeOf, sequence, TAG, text, valueTypeOf } from './sr';

export interface AtfiValue {
  text: string;
  /** The code value of a CODE item (TCE201 …), for fields read as codes. */
  code?: string;
}

export interface Atfi {
  sopInstanceUid: string;
  /** Every value per field, in document order. */
  fields: Partial<Record<AtfiField, AtfiValue[]>>;
  /** "item 3 (Differential Diagnosis/Impression, 111023 DCM): a TEXT item without its Text Value". */
  problems: string[];
}

export function isAtfi(ds: Dataset): boolean {
  return codeOf(ds, TAG.conceptName)?.value === ATFI_TITLE;
}

function fieldOf(scheme: string, value: string): AtfiField | undefined {
  for (const [field, [s, v]] of Object.entries(ATFI_ITEMS) as [AtfiField, readonly [string, string]][]) {
    if (v === value && (s === scheme || scheme === '')) return field;
  }
  return undefined;
}

export function readAtfi(ds: Dataset): Atfi {
  const out: Atfi = { sopInstanceUid: text(ds, TAG.sopInstanceUid) ?? '', fields: {}, problems: [] };
  let n = 0;
  const visit = (container: Dataset): void => {
    for (const item of sequence(container, TAG.content)) {
      n++;
      const name = codeOf(item, TAG.conceptName);
      const field = name && fieldOf(name.scheme, name.value);
      const type = valueTypeOf(item);
      const where = `item ${n} (${name ? `${name.meaning || name.value}, ${name.value} ${name.scheme}` : 'no concept name'})`;
      if (field) {
        let value: AtfiValue | undefined;
        if (type === 'TEXT') {
          const t = text(item, TAG.textValue);
          if (t) value = { text: t };
          else out.problems.push(`${where}: a TEXT item without its Text Value`);
        } else if (type === 'CODE') {
          const c = codeOf(item, TAG.conceptCode);
          if (c) value = { text: c.meaning || c.value, code: c.value };
          else out.problems.push(`${where}: a CODE item without its Concept Code Sequence`);
        } else {
          out.problems.push(`${where}: value type "${type || 'none'}" where TEXT or CODE was expected`);
        }
        if (value) (out.fields[field] ??= []).push(value);
      } else if (!name && type !== 'CONTAINER') {
        out.problems.push(`${where}: an item without a Concept Name Code Sequence`);
      }
      visit(item);
    }
  };
  visit(ds);
  return out;
}
