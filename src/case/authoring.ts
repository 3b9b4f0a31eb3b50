/**
 * Edits a case author makes, as pure functions from one draft to the next (the author store keeps the history
 * for undo and redo). A draft has the parsed case's shape but may be wrong in between: the same checks as
 * `cases:check` say what, with JSON paths, after every edit.
 */
import type { Arrow, Cue, ParsedCase, RevealItem, Segment, ViewportCue } from './schema';

export type Draft = ParsedCase;

/** A fresh id not yet used in `taken`: "seg-4", "seg-5", ... */
export function freshId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** Whole tenths of a second: taps and nudges should not leave 12.300000000000001 in a case file. */
const tenths = (t: number): number => Math.max(0, Math.round(t * 10) / 10);

function segmentIndex(d: Draft, id: string): number {
  const i = d.transcript.findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`no segment "${id}"`);
  return i;
}

function replaceSegment(d: Draft, id: string, change: (s: Segment) => Segment): Draft {
  return { ...d, transcript: d.transcript.map((s) => (s.id === id ? change(s) : s)) };
}

export function setSegmentText(d: Draft, id: string, text: string): Draft {
  return replaceSegment(d, id, (s) => ({ ...s, text }));
}

export function setSegmentStart(d: Draft, id: string, start: number): Draft {
  return replaceSegment(d, id, (s) => ({ ...s, start: tenths(start) }));
}

export function nudgeSegment(d: Draft, id: string, seconds: number): Draft {
  const s = d.transcript[segmentIndex(d, id)]!;
  return setSegmentStart(d, id, s.start + seconds);
}

export function setSegmentStep(d: Draft, id: string, stepId: string): Draft {
  return replaceSegment(d, id, (s) => ({ ...s, step: stepId }));
}

/** A new segment after `afterId` (or at the end), in the same step, starting a little later. */
export function addSegment(d: Draft, afterId?: string): { draft: Draft; id: string } {
  const id = freshId('seg', d.transcript.map((s) => s.id));
  const at = afterId === undefined ? d.transcript.length - 1 : segmentIndex(d, afterId);
  const prev = d.transcript[at];
  const next = d.transcript[at + 1];
  const start = prev ? (next ? (prev.start + next.start) / 2 : prev.start + 5) : 0;
  const step = prev?.step ?? d.steps[0]?.id ?? 'step-1';
  // Empty, not sample words: the field's placeholder prompts, and the checker asks for text until it is written.
  const seg: Segment = { id, start: tenths(start), step, speaker: 'teacher', text: '' };
  const transcript = [...d.transcript];
  transcript.splice(at + 1, 0, seg);
  return { draft: { ...d, transcript }, id };
}

/** Splits a segment's text at a character offset: the second half becomes a new segment halfway in time. */
export function splitSegment(d: Draft, id: string, offset: number): { draft: Draft; id: string } {
  const i = segmentIndex(d, id);
  const seg = d.transcript[i]!;
  const first = seg.text.slice(0, offset).trim();
  const second = seg.text.slice(offset).trim();
  if (!first || !second) return { draft: d, id };
  const next = d.transcript[i + 1];
  const end = next?.start ?? seg.end ?? seg.start + 10;
  const newId = freshId('seg', d.transcript.map((s) => s.id));
  const transcript = [...d.transcript];
  transcript.splice(i, 1, { ...seg, text: first }, { ...seg, id: newId, text: second, start: tenths((seg.start + end) / 2) });
  return { draft: { ...d, transcript }, id: newId };
}

/** Merges a segment with the next one; a cue at the next one moves to the merged segment if it has none. */
export function mergeWithNext(d: Draft, id: string): Draft {
  const i = segmentIndex(d, id);
  const seg = d.transcript[i]!;
  const next = d.transcript[i + 1];
  if (!next) return d;
  const transcript = [...d.transcript];
  transcript.splice(i, 2, { ...seg, text: `${seg.text} ${next.text}`.trim() });
  const hasOwn = d.cues.some((c) => c.at === seg.id);
  const cues = d.cues.flatMap((c): Cue[] => (c.at !== next.id ? [c] : hasOwn ? [] : [{ ...c, at: seg.id }]));
  return { ...d, transcript, cues };
}

export function removeSegment(d: Draft, id: string): Draft {
  if (d.transcript.length <= 1) return d;
  return { ...d, transcript: d.transcript.filter((s) => s.id !== id), cues: d.cues.filter((c) => c.at !== id) };
}

/**
 * Moves a segment up or down one place, swapping start times with its neighbour so the transcript stays in time
 * order (a reorder is about the words, the clock keeps its shape).
 */
export function moveSegment(d: Draft, id: string, by: -1 | 1): Draft {
  const i = segmentIndex(d, id);
  const j = i + by;
  const a = d.transcript[i];
  const b = d.transcript[j];
  if (!a || !b) return d;
  const transcript = [...d.transcript];
  transcript[j] = { ...a, start: b.start, step: b.step };
  transcript[i] = { ...b, start: a.start, step: a.step };
  return { ...d, transcript };
}

/** A new step, untitled until the author names it (the checker asks for a title). */
export function addStep(d: Draft, title = ''): { draft: Draft; id: string } {
  const id = freshId('step', d.steps.map((s) => s.id));
  return { draft: { ...d, steps: [...d.steps, { id, title }] }, id };
}

export function renameStep(d: Draft, id: string, title: string): Draft {
  return { ...d, steps: d.steps.map((s) => (s.id === id ? { ...s, title } : s)) };
}

/** Sets (or replaces) the cue that starts at a segment, keeping cues in transcript order. */
export function setCue(d: Draft, segmentId: string, viewports: Record<string, ViewportCue>, links: string[][] = []): Draft {
  const others = d.cues.filter((c) => c.at !== segmentId);
  const order = new Map(d.transcript.map((s, i) => [s.id, i]));
  const cues = [...others, { at: segmentId, viewports, links }].sort((a, b) => (order.get(a.at) ?? 0) - (order.get(b.at) ?? 0));
  return { ...d, cues };
}

export function removeCue(d: Draft, segmentId: string): Draft {
  return { ...d, cues: d.cues.filter((c) => c.at !== segmentId) };
}

/** Adds an arrow to a viewport of the cue at `segmentId` (the cue must exist: capture the view first). */
export function addArrow(d: Draft, segmentId: string, viewportId: string, arrow: Arrow): Draft {
  return {
    ...d,
    cues: d.cues.map((c) => {
      const vp = c.viewports[viewportId];
      if (c.at !== segmentId || !vp) return c;
      return { ...c, viewports: { ...c.viewports, [viewportId]: { ...vp, arrows: [...vp.arrows, arrow] } } };
    }),
  };
}

/** Changes one arrow of a viewport of the cue at `segmentId` (moved, relabelled); other arrows stay as they are. */
export function updateArrow(d: Draft, segmentId: string, viewportId: string, index: number, change: Partial<Arrow>): Draft {
  return {
    ...d,
    cues: d.cues.map((c) => {
      const vp = c.viewports[viewportId];
      if (c.at !== segmentId || !vp || !vp.arrows[index]) return c;
      const arrows = vp.arrows.map((a, i) => (i === index ? { ...a, ...change } : a));
      return { ...c, viewports: { ...c.viewports, [viewportId]: { ...vp, arrows } } };
    }),
  };
}

/** Moves where an arrow starts (its tail), for an author who dragged or clicked it into place. */
export function setArrowTail(d: Draft, segmentId: string, viewportId: string, index: number, tail: [number, number]): Draft {
  return updateArrow(d, segmentId, viewportId, index, { tail });
}

export function removeArrow(d: Draft, segmentId: string, viewportId: string, index: number): Draft {
  return {
    ...d,
    cues: d.cues.map((c) => {
      const vp = c.viewports[viewportId];
      if (c.at !== segmentId || !vp || !vp.arrows[index]) return c;
      return { ...c, viewports: { ...c.viewports, [viewportId]: { ...vp, arrows: vp.arrows.filter((_, i) => i !== index) } } };
    }),
  };
}

/** The case without its arrows, as text: two drafts that give the same are the same but for arrows. */
function withoutArrows(d: Draft): string {
  return JSON.stringify({ ...d, cues: d.cues.map((c) => ({ ...c, viewports: Object.fromEntries(Object.entries(c.viewports).map(([k, vp]) => [k, { ...vp, arrows: [] }])) })) });
}

/**
 * Whether `a` and `b` differ in their arrows only. Author mode draws the draft's arrows itself; such an edit
 * must not have the player apply the cue again, which would reframe the author's view.
 */
export function differsOnlyInArrows(a: Draft, b: Draft): boolean {
  return a === b || withoutArrows(a) === withoutArrows(b);
}

/**
 * The cue the viewer shows while a segment is selected: its own, else the last one before it in the transcript
 * (a segment without a cue keeps what was on screen). Read from the draft, even while it has problems.
 */
export function cueInForce(d: Draft, segmentId: string): Cue | undefined {
  const at = new Map(d.transcript.map((s, i) => [s.id, i]));
  const selected = at.get(segmentId);
  if (selected === undefined) return undefined;
  let best: Cue | undefined;
  for (const c of d.cues) {
    const i = at.get(c.at);
    if (i !== undefined && i <= selected && (best === undefined || i >= (at.get(best.at) ?? -1))) best = c;
  }
  return best;
}

export function setReveal(d: Draft, reveal: RevealItem[]): Draft {
  return { ...d, reveal };
}

export function setTitle(d: Draft, title: string): Draft {
  return { ...d, title };
}
