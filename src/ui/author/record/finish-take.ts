/**
 * A take becomes the draft: its recording the narration (kept in IndexedDB beside the draft), its segments and
 * cues the transcript, in one edit of the author store, so the checker runs and one Undo brings back the draft
 * from before the take (the arrows placed while recording were edits of that draft, taken back first).
 */
import type { Draft } from '../../../case/authoring';
import { segmentStarts } from '../../../case/take/take-segments';
import { takeLesson } from '../../../case/take/take-lesson';
import type { TakeEvent } from '../../../case/take/take-log';
import { speechRegions } from '../../../case/take/voice-activity';
import type { AuthorStore } from '../../../state/author-store';
import { keepRecording, narrationPath } from '../draft-recording';
import { decodeTake, takeFileName } from './take-audio';

export interface FinishedTake {
  segments: number;
  duration: number;
  /** The recording kept as the narration, if the take had audio. */
  file: File | null;
  /** The storage's refusal of the recording, in its words. */
  notKept: string | null;
  /** The recording was there but could not be decoded (segments then come from marks and steps only). */
  undecodable: boolean;
}

interface Take {
  author: AuthorStore;
  draftKey: string;
  /** The draft when the take began. */
  before: Draft;
  log: TakeEvent[];
  audio: Blob | null;
  /** The take's length on its own clock (used when there is no audio to measure). */
  clockSeconds: number;
}

export async function finishTake({ author, draftKey, before, log, audio, clockSeconds }: Take): Promise<FinishedTake> {
  const decoded = audio ? await decodeTake(audio) : null;
  const duration = decoded?.duration && Number.isFinite(decoded.duration) ? decoded.duration : clockSeconds;
  const firstStep = log.find((e) => e.kind === 'step');
  const starts = segmentStarts({
    speech: decoded ? speechRegions(decoded.samples, decoded.rate) : null,
    marks: log.flatMap((e) => (e.kind === 'mark' ? [e.t] : [])),
    steps: log.flatMap((e) => (e.kind === 'step' && e !== firstStep ? [e.t] : [])),
    duration,
  });
  const lesson = takeLesson(log, starts, duration, firstStep?.kind === 'step' ? firstStep.step : (before.steps[0]?.id ?? ''));

  const file = audio && audio.size > 0 ? new File([audio], takeFileName(audio.type), { type: audio.type }) : null;
  const notKept = file ? await keepRecording(draftKey, file) : null;

  const atStop = author.getState().draft;
  // Back to the draft the take began from, when the history still holds it, so one Undo undoes the whole take.
  if (author.getState().past.includes(before)) while (author.getState().draft !== before) author.getState().undo();
  const { narration: _old, ...rest } = atStop;
  author.getState().edit(() => ({
    ...rest,
    transcript: lesson.transcript,
    cues: lesson.cues,
    duration: Math.round(duration * 100) / 100,
    ...(file ? { narration: { src: narrationPath(file.name), kind: 'audio' as const } } : {}),
  }));
  author.getState().select(lesson.transcript[0]?.id ?? null);
  return { segments: lesson.transcript.length, duration, file, notKept, undecodable: audio !== null && audio.size > 0 && !decoded };
}
