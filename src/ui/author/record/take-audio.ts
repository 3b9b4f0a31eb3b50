/**
 * The take's sound: the microphone through MediaRecorder (whatever the browser encodes: Opus in WebM on Chromium
 * and Firefox, AAC in MP4 on Safari), a level for the meter, and on stop the recording decoded for its duration
 * and samples. Chunks arrive every second, so a recorder that fails part-way leaves what it had captured.
 * Nothing leaves the browser.
 */

export interface TakeAudio {
  /** When the recording began, on performance.now()'s clock: the take's clock starts there, not after the set-up. */
  startedAt: number;
  /** The meter's level: the last few milliseconds' power in dB (full scale 0). */
  level(): number;
  pause(): void;
  resume(): void;
  /** Bytes recorded so far. */
  bytes(): number;
  /** Ends the recording; resolves with what was captured (possibly empty). */
  stop(): Promise<Blob>;
}

/** Asks for the microphone; rejects with the browser's reason (denied, none, busy). */
export async function openMicrophone(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error('this browser offers no microphone here');
  return navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: true } });
}

const SPEECH_BITS_PER_SECOND = 48_000;

/** Starts recording `stream`; `onFailure` is told once when the recorder or the microphone fails part-way. */
export function startAudio(stream: MediaStream, onFailure: (reason: string) => void): TakeAudio {
  // Speech needs far less than the browsers' default (about 128 kbit/s): 48 kbit/s Opus is clear narration and a
  // quarter of the bytes, for the draft's IndexedDB room and the package. A hint: a browser may choose otherwise.
  const recorder = new MediaRecorder(stream, { audioBitsPerSecond: SPEECH_BITS_PER_SECOND });
  const chunks: Blob[] = [];
  let size = 0;
  let failed = false;
  /** Set when we stop it: a recorder that stops by itself (its microphone taken away) has failed. */
  let stopping = false;
  const fail = (reason: string): void => {
    if (failed) return;
    failed = true;
    onFailure(reason);
  };
  recorder.ondataavailable = (e) => {
    if (e.data.size === 0) return;
    chunks.push(e.data);
    size += e.data.size;
  };
  recorder.onerror = (e) => fail((e as Event & { error?: DOMException }).error?.message ?? 'the recorder stopped');
  recorder.addEventListener('stop', () => stopping || fail('the recorder stopped by itself'));
  for (const track of stream.getAudioTracks()) track.addEventListener('ended', () => fail('the microphone went away'));
  const startedAt = performance.now();
  recorder.start(1000);

  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(stream).connect(analyser);
  const buffer = new Float32Array(analyser.fftSize);

  const release = (): void => {
    for (const track of stream.getTracks()) track.stop();
    void context.close().catch(() => undefined);
  };

  return {
    startedAt,
    level() {
      analyser.getFloatTimeDomainData(buffer);
      let sum = 0;
      for (const v of buffer) sum += v * v;
      return 10 * Math.log10(sum / buffer.length + 1e-12);
    },
    pause: () => recorder.state === 'recording' && recorder.pause(),
    resume: () => recorder.state === 'paused' && recorder.resume(),
    bytes: () => size,
    stop: () =>
      new Promise<Blob>((resolve) => {
        const done = (): void => {
          release();
          resolve(new Blob(chunks, { type: recorder.mimeType || chunks[0]?.type || 'audio/webm' }));
        };
        stopping = true;
        if (recorder.state === 'inactive') return done();
        recorder.addEventListener('stop', done, { once: true });
        try {
          recorder.stop();
        } catch {
          done();
        }
      }),
  };
}

/** The recording decoded: its length and its first channel's samples; null when it cannot be decoded. */
export async function decodeTake(blob: Blob): Promise<{ duration: number; samples: Float32Array; rate: number } | null> {
  if (blob.size === 0) return null;
  try {
    // An OfflineAudioContext decodes without opening the sound output.
    const context = new OfflineAudioContext(1, 1, 16000);
    const audio = await context.decodeAudioData(await blob.arrayBuffer());
    return { duration: audio.duration, samples: audio.getChannelData(0), rate: audio.sampleRate };
  } catch {
    return null;
  }
}

/** A file name for the recording from its type: "recorded-lesson.webm", ".ogg", ".m4a". */
export function takeFileName(type: string): string {
  const ext = /ogg/.test(type) ? 'ogg' : /mp4|aac|m4a/.test(type) ? 'm4a' : /wav/.test(type) ? 'wav' : 'webm';
  return `recorded-lesson.${ext}`;
}
