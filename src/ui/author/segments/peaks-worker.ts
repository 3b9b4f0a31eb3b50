/** Computes a long recording's peaks away from the page, so decoding a 30-minute take never freezes the editor. */
import { computePeaks } from './peaks';

interface Request {
  samples: Float32Array;
  buckets: number;
}

self.onmessage = (e: MessageEvent<Request>) => {
  const peaks = computePeaks(e.data.samples, e.data.buckets);
  (self as unknown as Worker).postMessage(peaks, [peaks.buffer]);
};
