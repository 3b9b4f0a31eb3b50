/**
 * The recording decoded with Web Audio: an OfflineAudioContext needs no user gesture and plays nothing. Decoded at
 * 8 kHz, plenty for a waveform of speech, so a 30-minute take stays near 60 MB while its peaks are computed. The
 * exact duration (a MediaRecorder file does not state one) is remembered per file for export.
 */
const durations = new WeakMap<Blob, number>();

export async function decodeRecording(file: Blob): Promise<AudioBuffer> {
  const audio = await new OfflineAudioContext(1, 1, 8000).decodeAudioData(await file.arrayBuffer());
  durations.set(file, audio.duration);
  return audio;
}

/** The recording's duration in seconds, decoding it unless the editor already has. */
export async function recordingDuration(file: Blob): Promise<number> {
  return durations.get(file) ?? (await decodeRecording(file)).duration;
}
