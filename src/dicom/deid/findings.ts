/**
 * What an author is told before a package leaves the browser: the identifying attributes the de-identifier met in
 * their files and what it did to each, from its counts (never the values). Patient attributes first, then the
 * other people and places, then how many dates, UIDs and private elements were changed.
 */
import type { Change, DeidCounts } from './report';

export type FindingAction = 'removed' | 'emptied' | 'replaced' | 'reduced';

export interface Finding {
  /** In words: "Patient birth date". */
  attribute: string;
  action: FindingAction;
  /** How many elements, over all files and sequences. */
  count: number;
}

export interface Findings {
  attributes: Finding[];
  datesShifted: number;
  uidsReplaced: number;
  privateRemoved: number;
}

const ACTION: Partial<Record<Change, FindingAction>> = {
  removed: 'removed',
  emptied: 'emptied',
  'person-name-emptied': 'emptied',
  'date-unreadable-emptied': 'emptied',
  dummy: 'replaced',
  'replaced-with-case-id': 'replaced',
  'descriptor-removed': 'removed',
  'descriptor-reduced': 'reduced',
};

/** "PatientBirthDate" → "Patient birth date"; an unknown attribute keeps its tag. */
function words(key: string): string {
  const [tag = '', keyword = ''] = key.split(' ');
  if (!keyword || keyword === 'unknown') return `Attribute ${tag}`;
  // Acronyms (ID, UID) stay in capitals; other words go lower case after the first.
  const tokens = keyword.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2').split(' ');
  return tokens.map((t, i) => (i === 0 || /^[A-Z0-9]+$/.test(t) ? t : t.toLowerCase())).join(' ');
}

/** Patient attributes (group 0010) lead: they are what a reader fears most to see on a projector. */
const rank = (key: string): number => (key.startsWith('(0010,') ? 0 : /Name|Institution|Physician|Operator/.test(key) ? 1 : 2);

export function identifierFindings(counts: DeidCounts): Findings {
  const attributes: Array<Finding & { key: string }> = [];
  let datesShifted = 0;
  let uidsReplaced = 0;
  for (const [key, changes] of Object.entries(counts.attributes)) {
    for (const [change, n] of Object.entries(changes) as Array<[Change, number]>) {
      if (change === 'date-shifted') datesShifted += n;
      else if (change === 'uid-replaced') uidsReplaced += n;
      const action = ACTION[change];
      if (action) attributes.push({ key, attribute: words(key), action, count: n });
    }
  }
  attributes.sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
  return {
    attributes: attributes.map(({ key: _key, ...f }) => f),
    datesShifted,
    uidsReplaced,
    privateRemoved: counts.privateElementsRemoved,
  };
}
