import { formatClock } from '../../case/time';
import { visibleTags, type LibraryEntry } from '../../case/library';
import { useOpenedPackages, type OpenedPackage } from './opened-packages';
import { packageAddress } from '../route';
import { KeyImage, type KeyImageUrls } from '../library/KeyImage';
import { forgetPackage, useKeptPackages } from './kept-packages';
import { messages } from '../i18n/messages';

const m = messages.package.cards;
const u = messages.unknownPackage;

interface Card {
  caseId: string;
  entry: LibraryEntry;
  fileName: string;
  kept: boolean;
  /** Only a package opened in this page has its files at hand (blob: URLs) to draw its key image from. */
  keyImage?: KeyImageUrls;
}

/** An opened package's key image (its entry names the files, relative to the case) as the blob: URLs made for them. */
function openedKeyImage(o: OpenedPackage): KeyImageUrls | undefined {
  const key = o.entry.problem === undefined ? o.entry.keyImage : undefined;
  if (!key) return undefined;
  const urlOf = (name: string): string | undefined => {
    for (const s of o.series.values()) {
      const f = 'files' in s ? s.files.find((x) => x.name === name) : undefined;
      if (f) return f.url;
    }
    return undefined;
  };
  const file = urlOf(key.file);
  const middle = key.middle === undefined ? undefined : urlOf(key.middle);
  if (!file) return undefined;
  return { file, ...(middle ? { middle } : {}), ...(key.window ? { window: key.window } : {}) };
}

/**
 * Cards for the case packages opened in this page or kept in this browser, beside the bundled cases. A kept one
 * can be removed from the browser here. Unknown mode hides titles, revealing tags and file names here too, and links
 * by alias.
 */
export function PackageCards({ unknown }: { unknown: boolean }) {
  const opened = useOpenedPackages();
  const kept = useKeptPackages();
  const cards = new Map<string, Card>();
  for (const k of kept) cards.set(k.caseId, { caseId: k.caseId, entry: k.entry, fileName: k.fileName, kept: true });
  for (const o of opened) {
    const id = o.lesson.id;
    const keyImage = openedKeyImage(o);
    cards.set(id, { caseId: id, entry: o.entry, fileName: o.fileName, kept: cards.has(id), ...(keyImage ? { keyImage } : {}) });
  }
  if (cards.size === 0) return null;
  return (
    <ul className="case-cards" aria-label={m.list}>
      {[...cards.values()].map(({ caseId, entry, fileName, kept: isKept, keyImage }, i) =>
        entry.problem !== undefined ? null : (
          <li key={caseId} className="case-card">
            <a href={packageAddress(caseId)}>
              <KeyImage source={keyImage} />
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
                {/* The file's name may name the answer too. */}
                <span>{unknown ? (isKept ? u.keptHere : u.openHere) : isKept ? m.keptHere(fileName) : m.openHere(fileName)}</span>
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
