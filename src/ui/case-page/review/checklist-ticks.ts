/**
 * The learner's ticks on a case's findings checklist, kept in localStorage so they are still there after a
 * reload. Keyed by the item's text, so an edited case does not carry a tick over to another finding. Only what
 * the learner changed is kept: an untouched item follows their written findings.
 */
import { browserStorage, storeItem } from '../../browser-storage';

export type Ticks = Readonly<Record<string, boolean>>;

const keyOf = (caseId: string): string => `ctv.checklist.${caseId}`;

export function readTicks(caseId: string): Ticks {
  try {
    const parsed: unknown = JSON.parse(browserStorage()?.getItem(keyOf(caseId)) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
  } catch {
    return {};
  }
}

export function saveTicks(caseId: string, ticks: Ticks): void {
  storeItem(keyOf(caseId), JSON.stringify(ticks));
}
