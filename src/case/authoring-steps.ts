/**
 * Step edits beyond add and rename: delete, reorder, speaker notes. Pure functions from one draft to the next,
 * like `authoring.ts`. The timeline needs each step's segments together, in step order, with times increasing,
 * so both delete and reorder keep the transcript that way rather than leave the author a list of errors.
 */
import type { Draft } from './authoring';
import type { Cue, Segment } from './schema';

/** When the last segment has no end and the case no duration, its step lasts this long (as the timeline). */
const LAST_SEGMENT_SECONDS = 6;

/** What deleting a step did, for the author to be told. */
export interface StepRemoval {
  draft: Draft;
  /** The step that took over its segments, answers and notes (null when it had none of them). */
  into: string | null;
  segments: number;
  answers: number;
  notes: boolean;
}

/**
 * Deletes a step. Its segments, the answers revealed at it and its speaker notes go to the step before it (the
 * one after, for the first step), so nothing the author wrote is lost and the transcript keeps its order; the
 * last remaining step cannot be deleted.
 */
export function removeStep(d: Draft, id: string): StepRemoval {
  const i = d.steps.findIndex((s) => s.id === id);
  const neighbour = d.steps[i === 0 ? 1 : i - 1];
  if (i < 0 || !neighbour) return { draft: d, into: null, segments: 0, answers: 0, notes: false };
  const segments = d.transcript.filter((s) => s.step === id).length;
  const answers = d.reveal.filter((r) => r.revealAt === id).length;
  const { [id]: notes, ...otherNotes } = d.speakerNotes;
  const theirs = otherNotes[neighbour.id];
  // The neighbour's notes first when it comes first: the notes read in transcript order.
  const joined = notes === undefined ? theirs : theirs === undefined ? notes : i === 0 ? `${notes}\n\n${theirs}` : `${theirs}\n\n${notes}`;
  const draft: Draft = {
    ...d,
    steps: d.steps.filter((s) => s.id !== id),
    transcript: d.transcript.map((s) => (s.step === id ? { ...s, step: neighbour.id } : s)),
    reveal: d.reveal.map((r) => (r.revealAt === id ? { ...r, revealAt: neighbour.id } : r)),
    // The findings checklist links to the step that shows each finding: the neighbour now shows it.
    findings: d.findings.map((f) => (f.step === id ? { ...f, step: neighbour.id } : f)),
    speakerNotes: joined === undefined ? otherNotes : { ...otherNotes, [neighbour.id]: joined },
  };
  const moved = segments + answers > 0 || notes !== undefined;
  return { draft, into: moved ? neighbour.id : null, segments, answers, notes: notes !== undefined };
}

/** The transcript cut into runs of segments of one step (a step's segments stand together in a valid case). */
function blocks(transcript: readonly Segment[]): Segment[][] {
  const out: Segment[][] = [];
  for (const seg of transcript) {
    const last = out[out.length - 1];
    if (last && last[0]?.step === seg.step) last.push(seg);
    else out.push([seg]);
  }
  return out;
}

/**
 * Moves a step up or down one place. Its segments move with it in time: each step's run of segments keeps its
 * length and inner timing, and the runs are laid end to end in the new order from where the transcript started.
 * Each run's first segment gets the cue that was in force there, so every step still shows what it showed.
 */
export function moveStep(d: Draft, id: string, by: -1 | 1): Draft {
  const i = d.steps.findIndex((s) => s.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= d.steps.length) return d;
  const steps = [...d.steps];
  [steps[i], steps[j]] = [steps[j]!, steps[i]!];
  const order = new Map(steps.map((s, k) => [s.id, k]));
  const runs = blocks(d.transcript);
  const first = d.transcript[0];
  const last = d.transcript[d.transcript.length - 1];
  if (!first || !last) return { ...d, steps };
  const end = d.duration ?? last.end ?? last.start + LAST_SEGMENT_SECONDS;
  const lengths = runs.map((run, k) => (runs[k + 1]?.[0]?.start ?? end) - (run[0]?.start ?? 0));

  // The cue in force at each run's start, before the move.
  const cueAt = new Map(d.cues.map((c) => [c.at, c]));
  let inForce: Cue | undefined;
  const startCue = new Map<string, Cue>();
  for (const seg of d.transcript) {
    inForce = cueAt.get(seg.id) ?? inForce;
    if (inForce && runs.some((run) => run[0] === seg)) startCue.set(seg.id, inForce);
  }

  const sorted = runs.map((run, k) => ({ run, length: lengths[k] ?? 0 })).sort((a, b) => (order.get(a.run[0]!.step) ?? 0) - (order.get(b.run[0]!.step) ?? 0));
  const transcript: Segment[] = [];
  let at = first.start;
  for (const { run, length } of sorted) {
    const shift = at - run[0]!.start;
    // Tenths, as every other time edit: no 12.300000000000001 in a case file.
    const moved = (t: number): number => Math.round((t + shift) * 10) / 10;
    for (const seg of run) transcript.push({ ...seg, start: moved(seg.start), ...(seg.end !== undefined ? { end: moved(seg.end) } : {}) });
    at += length;
  }
  const position = new Map(transcript.map((s, k) => [s.id, k]));
  const cues = [...d.cues];
  sorted.forEach(({ run }, k) => {
    // Only a run that now follows another run (or leads) needs its cue written out.
    if (sorted[k - 1]?.run === runs[runs.indexOf(run) - 1]) return;
    const head = run[0]!;
    const cue = startCue.get(head.id);
    if (cue && !cueAt.has(head.id)) cues.push({ ...cue, at: head.id });
  });
  cues.sort((a, b) => (position.get(a.at) ?? 0) - (position.get(b.at) ?? 0));
  return { ...d, steps, transcript, cues };
}

/** A step's speaker notes; empty text removes them (the format wants notes to say something). */
export function setSpeakerNotes(d: Draft, stepId: string, text: string): Draft {
  const { [stepId]: _old, ...others } = d.speakerNotes;
  return { ...d, speakerNotes: text === '' ? others : { ...others, [stepId]: text } };
}
