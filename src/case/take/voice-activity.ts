/**
 * Where someone speaks in a recording: an energy-based voice activity detector over mono samples. Frames of 20 ms
 * are speech when louder than the recording's own floor by a margin (clamped between a quiet and a loud level, so
 * digital silence does not make breath speech and steady room noise is not speech). Speech separated by less than
 * `minSilence` stays one stretch (a breath, a short pause between words); stretches shorter than `minSpeech` are
 * clicks, not speech. Pure: the browser decodes the recording, this reads the numbers.
 */

export interface SpeechRegion {
  /** Seconds from the recording's start. */
  start: number;
  end: number;
}

export interface VoiceActivityOptions {
  frameSeconds: number;
  /** A pause at least this long ends a stretch of speech (and so a segment). */
  minSilence: number;
  minSpeech: number;
  /** Speech is this many dB above the recording's floor (its quietest tenth)... */
  marginDb: number;
  /** ...but the threshold never goes below this (digital silence) nor above this (steady loud noise). */
  quietestDb: number;
  loudestDb: number;
}

export const VOICE_DEFAULTS: VoiceActivityOptions = {
  frameSeconds: 0.02,
  minSilence: 0.7,
  minSpeech: 0.15,
  marginDb: 10,
  quietestDb: -50,
  loudestDb: -30,
};

/** Each frame's mean power in dB relative to full scale. */
export function frameLevels(samples: Float32Array, rate: number, frameSeconds = VOICE_DEFAULTS.frameSeconds): Float64Array {
  const size = Math.max(1, Math.round(rate * frameSeconds));
  const count = Math.floor(samples.length / size);
  const levels = new Float64Array(count);
  for (let f = 0; f < count; f++) {
    let sum = 0;
    for (let i = f * size; i < (f + 1) * size; i++) {
      const v = samples[i] ?? 0;
      sum += v * v;
    }
    levels[f] = 10 * Math.log10(sum / size + 1e-12);
  }
  return levels;
}

function percentile(values: Float64Array, p: number): number {
  if (values.length === 0) return -120;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? -120;
}

export function speechRegions(samples: Float32Array, rate: number, options: Partial<VoiceActivityOptions> = {}): SpeechRegion[] {
  const o = { ...VOICE_DEFAULTS, ...options };
  const levels = frameLevels(samples, rate, o.frameSeconds);
  const frame = Math.max(1, Math.round(rate * o.frameSeconds)) / rate;
  const threshold = Math.min(o.loudestDb, Math.max(o.quietestDb, percentile(levels, 0.1) + o.marginDb));

  const raw: SpeechRegion[] = [];
  let from = -1;
  for (let f = 0; f <= levels.length; f++) {
    const loud = f < levels.length && (levels[f] ?? -120) > threshold;
    if (loud && from < 0) from = f;
    if (!loud && from >= 0) {
      raw.push({ start: from * frame, end: f * frame });
      from = -1;
    }
  }
  const merged: SpeechRegion[] = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last && r.start - last.end < o.minSilence) last.end = r.end;
    else merged.push({ ...r });
  }
  return merged.filter((r) => r.end - r.start >= o.minSpeech);
}
