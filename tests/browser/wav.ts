/** A silent 8-bit mono WAV of the given length, made in the test (no media file in the repo). */
export function silentWav(seconds: number, rate = 8000): Buffer {
  const samples = Math.ceil(seconds * rate);
  const buf = Buffer.alloc(44 + samples, 128); // 8-bit PCM silence is 128
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + samples, 4);
  buf.write('WAVEfmt ', 8, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate, 28); // byte rate
  buf.writeUInt16LE(1, 32); // block align
  buf.writeUInt16LE(8, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(samples, 40);
  return buf;
}

/**
 * A 16-bit mono WAV of speech-like tone bursts (a 180 Hz voice with a 4 Hz syllable wobble) and silences, in the
 * given order, for Chromium's fake microphone (`--use-file-for-fake-audio-capture`).
 */
export function burstsWav(parts: readonly { speech: boolean; seconds: number }[], rate = 16000): Buffer {
  const samples = parts.reduce((n, p) => n + Math.round(p.seconds * rate), 0);
  const buf = Buffer.alloc(44 + samples * 2);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write('WAVEfmt ', 8, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(samples * 2, 40);
  let i = 0;
  for (const p of parts) {
    const n = Math.round(p.seconds * rate);
    for (let k = 0; k < n; k++, i++) {
      const t = k / rate;
      const v = p.speech ? 0.4 * Math.sin(2 * Math.PI * 180 * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t)) : 0;
      buf.writeInt16LE(Math.round(v * 32767), 44 + i * 2);
    }
  }
  return buf;
}
