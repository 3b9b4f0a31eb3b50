import { formatClock } from '../../case/time';
import { visibleTags } from '../../case/library';
import { packageHref, useOpenedPackages } from './opened-packages';
import { messages } from '../i18n/messages';

const m = messages.package.cards;

/**
 * Cards for the case packages opened in this page, beside the bundled cases: a package opened once can be
 * reopened from the library until the page is reloaded. Unknown mode hides titles and revealing tags here too.
 */
export function PackageCards({ unknown }: { unknown: boolean }) {
  const opened = useOpenedPackages();
  if (opened.length === 0) return null;
  return (
    <ul className="case-cards" aria-label={m.list}>
      {opened.map(({ entry, lesson, fileName }, i) =>
        entry.problem !== undefined ? null : (
          <li key={lesson.id} className="case-card">
            <a href={packageHref(lesson.id)}>
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
                <span>{m.openHere(fileName)}</span>
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
          </li>
        ),
      )}
    </ul>
  );
}
