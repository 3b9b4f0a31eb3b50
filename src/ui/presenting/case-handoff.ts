/**
 * How a console window learns which case it presents, over a BroadcastChannel of the presentation session. The
 * console asks (`case-request`); the audience window answers with the case's id when the site serves it, or with
 * the case itself and its series when the case lives only in that page (a case package, files from this computer):
 * their images are `blob:` URLs of the audience page, which a window of the same origin can read while that page
 * lives. The answer is still data from outside this page: it is checked here, and the case again by the case
 * checker, before anything uses it.
 */
import { z } from 'zod';
import { parseCase } from '../../case/parse';
import type { ParsedCase } from '../../case/schema';
import type { FileSeriesSource } from '../../viewer/types';

export function handoffChannelName(session: string): string {
  return `ctv-present-session:${session}`;
}

const FileSchema = z.strictObject({ name: z.string().max(1000), url: z.string().max(2000) });
const SeriesSchema = z.strictObject({
  key: z.string().min(1).max(200),
  label: z.string().max(1000),
  modality: z.string().max(64),
  files: z.array(FileSchema).max(100_000),
  sorted: z.boolean().optional(),
});

const HandoffSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('case-request') }),
  z.strictObject({ kind: z.literal('site-case'), caseId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(200) }),
  z.strictObject({ kind: z.literal('page-case'), lesson: z.unknown(), series: z.array(SeriesSchema).max(500) }),
]);

export type HandoffMessage =
  | { kind: 'case-request' }
  | { kind: 'site-case'; caseId: string }
  | { kind: 'page-case'; lesson: ParsedCase; series: FileSeriesSource[] };

/**
 * The message, or null for anything else. A page case must pass the case checker, and every image must be a
 * `blob:` URL of this origin: a console fetches nothing else on another window's word.
 */
export function parseHandoff(data: unknown, origin: string): HandoffMessage | null {
  const r = HandoffSchema.safeParse(data);
  if (!r.success) return null;
  const m = r.data;
  if (m.kind !== 'page-case') return m;
  const lesson = parseCase(m.lesson);
  if (!lesson.ok) return null;
  const prefix = `blob:${origin}/`;
  if (!m.series.every((s) => s.files.every((f) => f.url.startsWith(prefix)))) return null;
  const series: FileSeriesSource[] = m.series.map((s) => ({ key: s.key, label: s.label, modality: s.modality, files: s.files, ...(s.sorted === undefined ? {} : { sorted: s.sorted }) }));
  return { kind: 'page-case', lesson: lesson.value, series };
}
