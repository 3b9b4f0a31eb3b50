/**
 * What de-identification changed, counted per attribute and never with values: the report is published next
 * to the case, so it must not repeat what it removed.
 */
import { keywordOf, tagLabel } from './dataset';

export type Change =
  | 'removed'
  | 'emptied'
  | 'dummy'
  | 'replaced-with-case-id'
  | 'uid-replaced'
  | 'date-shifted'
  | 'date-unreadable-emptied'
  | 'descriptor-kept'
  | 'descriptor-reduced'
  | 'descriptor-removed'
  | 'person-name-emptied'
  | 'added';

export interface DeidCounts {
  /** "(0010,0010) PatientName" → change → how many elements, over all files and sequence depths. */
  attributes: Record<string, Partial<Record<Change, number>>>;
  privateElementsRemoved: number;
  groupLengthsRemoved: number;
  overlayOrCurveElementsRemoved: number;
}

export class DeidTally {
  readonly attributes = new Map<string, Map<Change, number>>();
  privateElementsRemoved = 0;
  groupLengthsRemoved = 0;
  overlayOrCurveElementsRemoved = 0;

  count(tag: string, change: Change, keyword = keywordOf(tag)): void {
    const key = `${tagLabel(tag)} ${keyword || 'unknown'}`;
    let byChange = this.attributes.get(key);
    if (!byChange) this.attributes.set(key, (byChange = new Map()));
    byChange.set(change, (byChange.get(change) ?? 0) + 1);
  }

  toJSON(): DeidCounts {
    const attributes: DeidCounts['attributes'] = {};
    for (const key of [...this.attributes.keys()].sort()) {
      attributes[key] = Object.fromEntries(this.attributes.get(key) ?? []);
    }
    return {
      attributes,
      privateElementsRemoved: this.privateElementsRemoved,
      groupLengthsRemoved: this.groupLengthsRemoved,
      overlayOrCurveElementsRemoved: this.overlayOrCurveElementsRemoved,
    };
  }
}
