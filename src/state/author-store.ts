/**
 * The case an author is editing: the draft, its history for undo and redo, the selected segment, and what the
 * checker says about it after every edit. Pure zustand; saving the draft in the browser is the UI's business.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Draft } from '../case/authoring';
import type { CaseProblem } from '../case/errors';
import { checkAgainstImages, type SeriesFactsByKey } from '../case/cross-check';
import { parseCase } from '../case/parse';
import { fillUnwritten, previewDraft } from '../case/draft-preview';
import type { ParsedCase } from '../case/schema';

/** Enough undo for an afternoon's work without holding hundreds of copies of a large case. */
const HISTORY = 200;

export interface AuthorState {
  draft: Draft;
  past: readonly Draft[];
  future: readonly Draft[];
  selectedSegment: string | null;
  /** The merge key of the edit on top of `past` (typing in one field is one undo step); null after undo or redo. */
  lastMerge: string | null;
  /** The checker's problems with the draft, with JSON paths; empty when it is a valid case. */
  problems: readonly CaseProblem[];
  /**
   * The draft as a case the player can show: the draft itself when valid, or when only unfinished (texts to write,
   * steps without segments: `previewDraft`); else the last such case (the viewer keeps playing while a field is wrong).
   */
  playable: ParsedCase;
  /** What the viewer knows of the series so far: image indices and arrow points are checked against it. */
  facts: SeriesFactsByKey;
}

export interface AuthorActions {
  /**
   * One change to the draft. Edits in a row with the same `mergeKey` (the keys typed into one field) are one step
   * of the history: undo takes the field back to what it held before the typing began.
   */
  edit(change: (d: Draft) => Draft, mergeKey?: string): void;
  undo(): void;
  redo(): void;
  select(segmentId: string | null): void;
  /** New facts about the series (a series opened, its first file arrived): the draft is checked again. */
  setFacts(facts: SeriesFactsByKey): void;
}

export type AuthorStore = StoreApi<AuthorState & AuthorActions>;

/**
 * The same checks as `npm run cases:check`: the case format, then the references into the images known so far.
 * A draft that is only unfinished is still shown (`previewDraft`); its problems are the draft's and, past the
 * format, those of the draft with its texts filled in, so a take's empty texts and unreached steps list together.
 */
function checkDraft(draft: Draft, lastPlayable: ParsedCase, facts: SeriesFactsByKey, placeholder: string): Pick<AuthorState, 'problems' | 'playable'> {
  const r = parseCase(draft);
  if (r.ok) {
    const problems = checkAgainstImages(r.value, facts);
    return problems.length === 0 ? { problems, playable: r.value } : { problems, playable: lastPlayable };
  }
  // Past the empty texts, the checks a finished draft would meet (a step without segments, say).
  const filled = fillUnwritten(draft, placeholder);
  const f = filled === draft ? r : parseCase(filled);
  const later = f.ok ? checkAgainstImages(f.value, facts) : f.problems;
  const said = new Set(r.problems.map((q) => `${q.path} ${q.message}`));
  const problems = [...r.problems, ...(f === r ? [] : later.filter((q) => !said.has(`${q.path} ${q.message}`)))];
  const preview = previewDraft(draft, placeholder);
  const p = preview === draft ? r : preview === filled ? f : parseCase(preview);
  const shown = p.ok && checkAgainstImages(p.value, facts).length === 0 ? p.value : lastPlayable;
  return { problems, playable: shown };
}

/** Whether two sets of facts say the same (a status report that changed nothing here re-checks nothing). */
function sameFacts(a: SeriesFactsByKey, b: SeriesFactsByKey): boolean {
  if (a.size !== b.size) return false;
  for (const [key, f] of a) {
    const g = b.get(key);
    if (!g || g.imageCount !== f.imageCount || g.rows !== f.rows || g.columns !== f.columns || g.frameOfReferenceUID !== f.frameOfReferenceUID) return false;
  }
  return true;
}

export interface AuthorStoreOptions {
  /** The merge key for an edit made without one: the UI names the field being typed into, if any. */
  mergeKeyOf?: () => string | undefined;
  /** What the preview shows for a segment whose words are still to write. */
  unwrittenText?: string;
}

export function createAuthorStore(start: ParsedCase, draft: Draft = start, options: AuthorStoreOptions = {}): AuthorStore {
  const placeholder = options.unwrittenText ?? '…';
  const check = (d: Draft, last: ParsedCase, facts: SeriesFactsByKey) => checkDraft(d, last, facts, placeholder);
  return createStore<AuthorState & AuthorActions>()((set, get) => ({
    draft,
    past: [],
    future: [],
    selectedSegment: draft.transcript[0]?.id ?? null,
    lastMerge: null,
    facts: new Map(),
    ...check(draft, start, new Map()),
    edit: (change, key) => {
      const s = get();
      const mergeKey = key ?? options.mergeKeyOf?.();
      const next = change(s.draft);
      if (next === s.draft) return;
      const merge = mergeKey !== undefined && mergeKey === s.lastMerge && s.past.length > 0;
      const past = merge ? s.past : [...s.past, s.draft].slice(-HISTORY);
      set({ draft: next, past, future: [], lastMerge: mergeKey ?? null, ...check(next, s.playable, s.facts) });
    },
    undo: () => {
      const s = get();
      const prev = s.past[s.past.length - 1];
      if (!prev) return;
      set({ draft: prev, past: s.past.slice(0, -1), future: [s.draft, ...s.future], lastMerge: null, ...check(prev, s.playable, s.facts) });
    },
    redo: () => {
      const s = get();
      const next = s.future[0];
      if (!next) return;
      set({ draft: next, past: [...s.past, s.draft], future: s.future.slice(1), lastMerge: null, ...check(next, s.playable, s.facts) });
    },
    select: (segmentId) => set({ selectedSegment: segmentId }),
    setFacts: (facts) => {
      const s = get();
      if (sameFacts(facts, s.facts)) return;
      set({ facts, ...check(s.draft, s.playable, facts) });
    },
  }));
}
