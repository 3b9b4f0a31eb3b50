/**
 * A case may take its transcript from WebVTT captions (`"transcript": { "webvtt": "narration.vtt" }`), so faculty
 * can bring the captions of a lecture recording. This reads them into the plain form before validation; steps
 * come from the captions' step notes unless the case lists its own.
 */
import type { CaseProblem } from './errors';
import { fromWebVtt, VttError } from './webvtt';

export type ReadText = (relativePath: string) => Promise<string>;

export async function expandCase(json: unknown, readText: ReadText): Promise<{ json: unknown; problems: CaseProblem[] }> {
  if (!json || typeof json !== 'object') return { json, problems: [] };
  const c = json as Record<string, unknown>;
  const t = c.transcript as { webvtt?: unknown } | undefined;
  if (!t || Array.isArray(t) || typeof t !== 'object' || typeof t.webvtt !== 'string') return { json, problems: [] };
  const file = t.webvtt;
  let text: string;
  try {
    text = await readText(file);
  } catch (e) {
    return { json, problems: [{ path: 'transcript.webvtt', message: `cannot read "${file}": ${(e as Error).message}` }] };
  }
  try {
    const vtt = fromWebVtt(text);
    return { json: { ...c, transcript: vtt.segments, steps: c.steps ?? vtt.steps }, problems: [] };
  } catch (e) {
    const reason = e instanceof VttError ? `line ${e.line}: ${e.reason}` : (e as Error).message;
    return { json, problems: [{ path: 'transcript.webvtt', message: `${file} ${reason}` }] };
  }
}
