import { formatClock } from '../../case/time';
import { visibleTags, type LibraryEntry } from '../../case/library';
import { packageHref, useOpenedPackages } from './opened-packages';
import { forgetPackage, useKeptPackages } from './kept-packages';
import { messages } from '../i18n/messages';

const m = messages.package.cards;

interface Card {
  caseId: string;
  entry: LibraryEntry;
  fileName: string;
  kept: boolean;
}

/**
 * Cards for the case packages opened in this page or kept in this browser, beside the bundled cases. A kept one
 * can be removed from the browser here. Unknown mode hides titles and revealing tags here too.
 */
export function PackageCards({ unknown }: { unknown: boolean }) {
  const opened = useOpenedPackages();
  const kept = useKeptPackages();
  const cards = new Map<string, Card>();
  for (const k of kept) cards.set(k.caseId, { caseId: k.caseId, entry: k.entry, fileName: k.fileName, kept: true });
  for (const o of opened) {
    const id = o.lesson.id;
    cards.set(id, { caseId: id, entry: o.entry, fileName: o.fileName, kept: cards.has(id) });
  }
  if (cards.size === 0) return null;
  return (
    <ul className="case-cards" aria-label={m.list}>
      {[...cards.values()].map(({ caseId, entry, fileName, kept: isKept }, i) =>
        entry.problem !== undefined ? null : (
          <li key={caseId} className="case-card">
            <a href={packageHref(caseId)}>
              {unknown ? (
                <>
                  <h2>{m.unknownPackage(i + 1)}</h2>
                  <p>{entry.unknownTitle}</p>
                </>
              ) : (
                <>
                  <h2>{entry.title}</h2>
                  {entry.summary && <p>{entry.summary}</p>}
                </>
              )}
              <p className="case-meta">
                <span className="badge">{m.badge}</span>
                <span>{isKept ? m.keptHere(fileName) : m.openHere(fileName)}</span>
                <span>{entry.modalities.join(' · ')}</span>
                <span>{formatClock(entry.duration)}</span>
                <span>{messages.library.stepCount(entry.stepCount)}</span>
                {entry.syntheticImages && <span className="badge">{messages.library.syntheticImages}</span>}
              </p>
              <p className="case-tags">
                {visibleTags(entry, unknown).map((t) => (
                  <span key={t} className="tag">
                    {t}
                  </span>
                ))}
              </p>
            </a>
            {isKept && (
              <button type="button" aria-label={m.remove(unknown ? m.unknownPackage(i + 1) : entry.title)} onClick={() => void forgetPackage(caseId)}>
                {m.removeShort}
              </button>
            )}
          </li>
        ),
      )}
    </ul>
  );
}
