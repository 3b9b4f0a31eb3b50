import type { LibraryEntry } from '../../case/library';
import { messages } from '../i18n/messages';

const m = messages.library;

/** The sources of the real images the bundled cases use, as their licences ask; in unknown mode without titles. */
export function DataCredits({ entries, unknown }: { entries: readonly LibraryEntry[]; unknown: boolean }) {
  const credited = entries.flatMap((e, i) => (e.problem === undefined && e.imageCredit ? [{ e, i, credit: e.imageCredit }] : []));
  if (credited.length === 0) return null;
  return (
    <section className="data-credits" aria-label={m.credits.heading}>
      <h2>{m.credits.heading}</h2>
      <ul>
        {credited.map(({ e, i, credit }) => (
          <li key={e.id}>
            <strong>{unknown ? m.unknownCase(i + 1) : e.title}:</strong> {credit}
          </li>
        ))}
      </ul>
    </section>
  );
}
