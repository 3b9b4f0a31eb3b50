/**
 * Transcripts as WebVTT captions, both ways. Steps travel as `NOTE step <id>: <title>` blocks before their first
 * cue, segment ids as cue identifiers and speakers as voice spans, so export followed by import gives the same
 * segments, steps and times. Captions from a lecture recording (no notes, no ids) import as one step.
 */
import type { Segment, Step } from './schema';

export interface VttTranscript {
  steps: Step[];
  segments: Segment[];
}

export class VttError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'VttError';
  }
}

const SPEAKERS: Segment['speaker'][] = ['teacher', 'narrator', 'learner'];

function stamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Escapes what WebVTT cue text treats as markup, so text stays text both ways. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&');
}

export function toWebVtt(t: VttTranscript, ends: readonly number[]): string {
  const out = ['WEBVTT', ''];
  let step = '';
  t.segments.forEach((seg, i) => {
    if (seg.step !== step) {
      step = seg.step;
      const title = t.steps.find((s) => s.id === step)?.title ?? step;
      out.push(`NOTE step ${step}: ${title.replace(/\n/g, ' ')}`, '');
    }
    const end = seg.end ?? ends[i] ?? seg.start + 1;
    // A recorded segment whose words are not written yet: said in the file too, where a captioner will look.
    if (!seg.text.trim()) out.push(`NOTE to write: segment ${seg.id} has no text yet`, '');
    out.push(seg.id, `${stamp(seg.start)} --> ${stamp(end)}`, `<v ${seg.speaker}>${escapeText(seg.text)}`, '');
  });
  return out.join('\n');
}

const TIMING = /^((?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{2}:\d{2}\.\d{3})(?:\s+.*)?$/;

function parseStamp(text: string): number {
  const parts = text.split(':').map(Number);
  return parts.reduce((acc, p) => acc * 60 + p, 0);
}

function slug(text: string, fallback: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || fallback;
}

/** Reads WebVTT captions; a problem throws a VttError naming the (1-based) line. */
export function fromWebVtt(source: string): VttTranscript {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) throw new VttError(1, 'a WebVTT file starts with "WEBVTT"');
  const steps: Step[] = [];
  const segments: Segment[] = [];
  let i = 1;
  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '') block.push(lines[i++] ?? '');
    const head = block[0] ?? '';
    if (head.startsWith('NOTE')) {
      const m = /^NOTE step ([a-z0-9][a-z0-9-]*): (.+)$/.exec(head);
      if (m) steps.push({ id: m[1] as string, title: (m[2] as string).trim() });
      continue;
    }
    if (head === 'STYLE' || head === 'REGION') continue;
    const timingAt = TIMING.test(head) ? 0 : 1;
    const timing = TIMING.exec(block[timingAt] ?? '');
    if (!timing) {
      throw new VttError(blockStart + timingAt + 1, `expected a timing line like "00:00:05.000 --> 00:00:09.500", found "${block[timingAt] ?? ''}"`);
    }
    const start = parseStamp(timing[1] as string);
    const end = parseStamp(timing[2] as string);
    const line = blockStart + timingAt + 1;
    if (end <= start) throw new VttError(line, `the cue ends (${timing[2]}) before it starts (${timing[1]})`);
    const previous = segments[segments.length - 1];
    if (previous && start <= previous.start) {
      throw new VttError(line, `the cue starts at ${timing[1]}, not after the previous cue: times must increase`);
    }
    const textLines = block.slice(timingAt + 1);
    if (textLines.length === 0) throw new VttError(line, 'the cue has no text');
    let text = textLines.join(' ');
    let speaker: Segment['speaker'] = 'teacher';
    const voice = /^<v(?:\.[\w.-]+)?\s+([^>]+)>/.exec(text);
    if (voice) {
      const name = (voice[1] as string).trim().toLowerCase();
      speaker = SPEAKERS.find((s) => s === name) ?? 'teacher';
    }
    text = unescapeText(text.replace(/<[^>]*>/g, '')).trim();
    const id = timingAt === 1 ? slug(head, `cue-${segments.length + 1}`) : `cue-${segments.length + 1}`;
    const step = steps[steps.length - 1];
    if (!step) steps.push({ id: 'captions', title: 'Captions' });
    segments.push({ id, start, end, speaker, text, step: (steps[steps.length - 1] as Step).id });
  }
  if (segments.length === 0) throw new VttError(lines.length, 'the file has no cues');
  return { steps: steps.filter((s) => segments.some((seg) => seg.step === s.id)), segments };
}
