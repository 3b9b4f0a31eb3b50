import type { TceFilesResult } from '../../dicom/tce/import-files';
import { messages } from '../i18n/messages';

const m = messages.archive;

/** What the import says before author mode: steps made, key images missing, text replaced, files passed over. */
export function ImportNotes({ result, keyImages }: { result: TceFilesResult; keyImages: number }) {
  const byField = new Map<string, string[]>();
  for (const r of result.replaced) byField.set(r.field, [...(byField.get(r.field) ?? []), m.replacedKind(r.kind, r.count)]);
  return (
    <section className="import-notes" aria-label={m.notes}>
      <p role="status">{m.imported(result.caseFile.steps.length, keyImages)}</p>
      <ul>
        {result.missing.map((x) => (
          <li key={`missing-${x.keyImage}`}>{m.missing(x.keyImage)}</li>
        ))}
        {[...byField].map(([field, parts]) => (
          <li key={`replaced-${field}`}>{m.replaced(field, parts.join(', '))}</li>
        ))}
        {result.notes.map((n, i) => (
          <li key={`note-${i}`}>{n}</li>
        ))}
        {result.refused.map((n, i) => (
          <li key={`refused-${i}`}>{m.refused(n)}</li>
        ))}
      </ul>
    </section>
  );
}
