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
