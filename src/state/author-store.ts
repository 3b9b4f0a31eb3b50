/**
 * The case an author is editing: the draft, its history for undo and redo, the selected segment, and what the
 * checker says about it after every edit. Pure zustand; saving the draft in the browser is the UI's business.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Draft } from '../case/authoring';
import type { CaseProblem } from '../case/errors';
import { parseCase } from '../case/parse';
import type { ParsedCase } from '../case/schema';

/** Enough undo for an afternoon's work without holding hundreds of copies of a large case. */
const HISTORY = 200;

export interface AuthorState {
  draft: Draft;
  past: readonly Draft[];
  future: readonly Draft[];
  selectedSegment: string | null;
  /** The checker's problems with the draft, with JSON paths; empty when it is a valid case. */
  problems: readonly CaseProblem[];
  /** The draft as a case the player can show: the last valid one (the viewer keeps playing while a field is wrong). */
  playable: ParsedCase;
}

export interface AuthorActions {
  edit(change: (d: Draft) => Draft): void;
  undo(): void;
  redo(): void;
  select(segmentId: string | null): void;
}

export type AuthorStore = StoreApi<AuthorState & AuthorActions>;

function check(draft: Draft, lastPlayable: ParsedCase): Pick<AuthorState, 'problems' | 'playable'> {
  const r = parseCase(draft);
  return r.ok ? { problems: [], playable: r.value } : { problems: r.problems, playable: lastPlayable };
}

export function createAuthorStore(start: ParsedCase, draft: Draft = start): AuthorStore {
  return createStore<AuthorState & AuthorActions>()((set, get) => ({
    draft,
    past: [],
    future: [],
    selectedSegment: draft.transcript[0]?.id ?? null,
    ...check(draft, start),
    edit: (change) => {
      const s = get();
      const next = change(s.draft);
      if (next === s.draft) return;
      set({ draft: next, past: [...s.past, s.draft].slice(-HISTORY), future: [], ...check(next, s.playable) });
    },
    undo: () => {
      const s = get();
      const prev = s.past[s.past.length - 1];
      if (!prev) return;
      set({ draft: prev, past: s.past.slice(0, -1), future: [s.draft, ...s.future], ...check(prev, s.playable) });
    },
    redo: () => {
      const s = get();
      const next = s.future[0];
      if (!next) return;
      set({ draft: next, past: [...s.past, s.draft], future: s.future.slice(1), ...check(next, s.playable) });
    },
    select: (segmentId) => set({ selectedSegment: segmentId }),
  }));
}
