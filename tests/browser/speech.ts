/**
 * Spoken narration for tests, from text the test owns: espeak-ng speaks each sentence, sox trims its edges and
 * joins them with silences between, into one WAV (22.05 kHz mono). The sentences' times in it are measured, so a
 * test knows where each one starts and ends. Made once per text and cached under the system's temp folder.
 * `scripts/ensure-speech-tools.sh` installs espeak-ng and sox (npm test runs it).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SpokenSentence {
  text: string;
  /** Seconds from the start of the file. */
  start: number;
  end: number;
}

export interface SpeechWav {
  path: string;
  sentences: SpokenSentence[];
  duration: number;
}

export interface SpeechOptions {
  /** Silence between sentences, and before the first and after the last (seconds). */
  gap?: number;
  lead?: number;
  /** espeak-ng's speed in words per minute. */
  wordsPerMinute?: number;
}

const seconds = (file: string): number => Number(execFileSync('soxi', ['-D', file], { encoding: 'utf8' }).trim());

export function speechWav(sentences: readonly string[], options: SpeechOptions = {}): SpeechWav {
  const { gap = 1, lead = 0.5, wordsPerMinute = 150 } = options;
  const key = createHash('sha256').update(JSON.stringify({ sentences, gap, lead, wordsPerMinute })).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'ctv-speech', key);
  const path = join(dir, 'speech.wav');
  const facts = join(dir, 'speech.json');
  if (existsSync(path) && existsSync(facts)) return { path, ...(JSON.parse(readFileSync(facts, 'utf8')) as Omit<SpeechWav, 'path'>) };

  mkdirSync(dir, { recursive: true });
  const silence = (name: string, length: number): string => {
    const file = join(dir, name);
    execFileSync('sox', ['-n', '-r', '22050', '-c', '1', '-b', '16', file, 'trim', '0', String(length)]);
    return file;
  };
  const parts: string[] = [silence('lead.wav', lead)];
  const gapFile = silence('gap.wav', gap);
  const out: SpokenSentence[] = [];
  let at = lead;
  sentences.forEach((text, i) => {
    const raw = join(dir, `raw-${i}.wav`);
    const spoken = join(dir, `sentence-${i}.wav`);
    execFileSync('espeak-ng', ['-s', String(wordsPerMinute), '-w', raw, text]);
    // Trim espeak's own quiet edges, so the sentence starts and ends where its sound does.
    execFileSync('sox', [raw, '-r', '22050', '-c', '1', '-b', '16', spoken, 'silence', '1', '0.02', '1%', 'reverse', 'silence', '1', '0.02', '1%', 'reverse']);
    const length = seconds(spoken);
    out.push({ text, start: at, end: at + length });
    at += length + gap;
    parts.push(spoken, i < sentences.length - 1 ? gapFile : silence('tail.wav', lead));
  });
  const partial = `${path}.part.wav`;
  execFileSync('sox', [...parts, partial]);
  renameSync(partial, path);
  const made = { sentences: out, duration: seconds(path) };
  writeFileSync(facts, JSON.stringify(made));
  return { path, ...made };
}

/** The speech repeated into an Ogg Vorbis file of at least `seconds`: a longer, compressed recording. */
export function longerOgg(speech: SpeechWav, seconds: number): string {
  const path = join(speech.path, '..', `speech-${seconds}s.ogg`);
  if (existsSync(path)) return path;
  const repeats = Math.max(0, Math.ceil(seconds / speech.duration) - 1);
  const partial = join(speech.path, '..', `speech-${seconds}s.part.ogg`);
  execFileSync('sox', [speech.path, partial, 'repeat', String(repeats)]);
  renameSync(partial, path);
  return path;
}
