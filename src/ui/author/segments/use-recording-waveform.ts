import { useEffect, useState } from 'react';
import { bucketCount, computePeaks } from './peaks';
import { decodeRecording } from './decode-recording';

export type RecordingWaveform =
  | { state: 'decoding' }
  | { state: 'ready'; duration: number; peaks: Float32Array }
  | { state: 'failed'; reason: string };

/** Past this many samples (about 30 s at the decoding's 8 kHz) the peaks are computed in a worker. */
const OFF_THREAD_SAMPLES = 250_000;

function peaksOffThread(samples: Float32Array, buckets: number): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    // A file of the build (the CSP's worker-src 'self'), as the header reader's worker.
    const worker = new Worker(new URL('./peaks-worker.ts', import.meta.url), { type: 'module', name: 'waveform-peaks' });
    worker.onmessage = (e: MessageEvent<Float32Array>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the waveform worker failed'));
    };
    worker.postMessage({ samples, buckets }, [samples.buffer]);
  });
}

/** The recording's exact duration and its peaks, computed once per file. */
export function useRecordingWaveform(file: File): RecordingWaveform {
  const [wave, setWave] = useState<RecordingWaveform>({ state: 'decoding' });
  useEffect(() => {
    let alive = true;
    setWave({ state: 'decoding' });
    void (async () => {
      try {
        const audio = await decodeRecording(file);
        const buckets = bucketCount(audio.duration);
        const first = audio.getChannelData(0);
        const peaks = first.length > OFF_THREAD_SAMPLES && typeof Worker !== 'undefined' ? await peaksOffThread(first.slice(), buckets) : computePeaks(first, buckets);
        if (alive) setWave({ state: 'ready', duration: audio.duration, peaks });
      } catch (e) {
        if (alive) setWave({ state: 'failed', reason: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      alive = false;
    };
  }, [file]);
  return wave;
}
