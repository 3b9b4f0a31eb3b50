/**
 * What the exported case says of its narration recording. A recording made in the browser (MediaRecorder) has no
 * file name, or one without an extension, and its WebM or Ogg container states no duration: the case gets a path
 * whose extension matches the recording's type (a package tells media by extension), and the recording's
 * measured length as the lesson's `duration` when the author has not set one.
 */
import type { Draft } from '../../case/authoring';
import { extensionOf, MEDIA_TYPES } from '../../dicom/package/package-format';
import { narrationPath } from './draft-recording';

/** File extensions by media type (parameters such as `;codecs=opus` left aside). */
const EXTENSION_OF_TYPE: Readonly<Record<string, string>> = {
  'audio/webm': 'webm',
  'video/webm': 'webm',
  'audio/ogg': 'ogg',
  'application/ogg': 'ogg',
  'video/ogg': 'ogv',
  'audio/mp4': 'm4a',
  'video/mp4': 'mp4',
  'audio/mpeg': 'mp3',
  'audio/aac': 'aac',
  'audio/flac': 'flac',
  'audio/wav': 'wav',
  'audio/wave': 'wav',
  'audio/x-wav': 'wav',
};

/** The recording's file name with an extension a package knows: its own, else one from its type. */
export function narrationFileName(file: { name: string; type: string }): string {
  if (extensionOf(file.name) in MEDIA_TYPES) return file.name;
  const ext = EXTENSION_OF_TYPE[file.type.split(';')[0]!.trim().toLowerCase()];
  const base = file.name.trim() || 'narration';
  return ext ? `${base}.${ext}` : base;
}

/**
 * The draft as exported with this recording: a narration path with a media extension, and `duration` (rounded up
 * to the hundredth) when the draft has none and the recording outlasts the last segment's start.
 */
export function withRecording(d: Draft, file: { name: string; type: string }, seconds: number | null): Draft {
  if (!d.narration) return d;
  const src = extensionOf(d.narration.src) in MEDIA_TYPES ? d.narration.src : narrationPath(narrationFileName(file));
  const lastStart = d.transcript.at(-1)?.start ?? 0;
  const duration = d.duration ?? (seconds !== null && Number.isFinite(seconds) && seconds > lastStart ? Math.ceil(seconds * 100) / 100 : undefined);
  const out: Draft = { ...d, narration: { ...d.narration, src } };
  return duration === undefined ? out : { ...out, duration };
}
