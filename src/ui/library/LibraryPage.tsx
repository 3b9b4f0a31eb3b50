import { useEffect, useMemo, useState } from 'react';
import { allTags, filterLibrary, visibleTags, type LibraryEntry } from '../../case/library';
import { setUnknownMode, useUnknownMode } from '../unknown-mode';
import { libraryStatus, type CaseProgress } from '../../case/progress';
import { useProgress } from '../progress-storage';
import { ProgressControls } from './ProgressControls';
import { ReviewList } from './ReviewList';
import { DataCredits } from './DataCredits';
import { bundledKeyImage, KeyImage } from './KeyImage';
import { OfflineControls } from '../offline/OfflineControls';
import { LocalFilesPicker } from '../local/LocalFilesPicker';
import { PackageCards } from '../package/PackageCards';
import { formatClock } from '../../case/time';
import { caseAddress } from '../route';
import { messages } from '../i18n/messages';

const m = messages.library;
const f = messages.caseReview.filters;

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; entries: LibraryEntry[] };

/**
 * Opening a case started before takes the learner back to the step they left off in (the page then resumes at the
 * exact second), or for a record without one, the furthest step reached (1-based in links).
 */
function resumeStep(p: CaseProgress | undefined): number | undefined {
  const step = p?.position?.step ?? p?.furthestStep;
  return step !== undefined && step > 0 ? step + 1 : undefined;
}

export function LibraryPage() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [query, setQuery] = useState('');
  /** The tags on, in the order they were turned on: a case must carry them all. */
  const [tagsOn, setTagsOn] = useState<string[]>([]);
  const unknown = useUnknownMode();
  const progress = useProgress();

  useEffect(() => {
    let alive = true;
    fetch('cases/index.json')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`cases/index.json: HTTP ${r.status}`))))
      .then((entries: LibraryEntry[]) => alive && setLoad({ status: 'ready', entries }))
      .catch((e: Error) => alive && setLoad({ status: 'error', message: e.message }));
    return () => {
      alive = false;
    };
  }, []);

  const entries = load.status === 'ready' ? load.entries : [];
  const tags = useMemo(() => allTags(entries, unknown), [entries, unknown]);
  const shown = filterLibrary(entries, query, tagsOn, unknown);
  const toggleTag = (t: string): void => setTagsOn((on) => (on.includes(t) ? on.filter((x) => x !== t) : [...on, t]));

  return (
    <main className="library">
      <header className="library-header">
        <h1>{m.heading}</h1>
        <p className="muted">{m.tagline}</p>
      </header>
      <div className="library-filters" role="search">
        <label>
          <span className="visually-hidden">{m.search}</span>
          <input type="search" placeholder={m.search} value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button
          type="button"
          aria-pressed={unknown}
          title={m.unknownModeHint}
          onClick={() => {
            setUnknownMode(!unknown);
            setTagsOn([]);
          }}
        >
          {m.unknownMode}
        </button>
        <div className="tag-filter" role="group" aria-label={m.filterByTag}>
          <button type="button" aria-pressed={tagsOn.length === 0} onClick={() => setTagsOn([])}>
            {m.allTags}
          </button>
          {tags.map((t) => (
            <button key={t} type="button" aria-pressed={tagsOn.includes(t)} onClick={() => toggleTag(t)}>
              {t}
            </button>
          ))}
        </div>
        <p className="tags-on" role="status">
          {tagsOn.length > 0 && (
            <>
              {f.tagsOn(tagsOn.join(f.tagJoin))}{' '}
              <button type="button" className="subtle" onClick={() => setTagsOn([])}>
                {f.clear}
              </button>
            </>
          )}
        </p>
      </div>
      <LocalFilesPicker />
      <p className="archive-link">
        <a href="#/archive">{messages.archive.libraryLink}</a> <span className="muted">{messages.archive.libraryLinkHint}</span>
      </p>
      <PackageCards unknown={unknown} />
      <ProgressControls />
      {load.status === 'ready' && <ReviewList entries={entries} progress={progress} unknown={unknown} />}
      {load.status === 'loading' && <p className="muted">{m.loading}</p>}
      {load.status === 'error' && <p role="alert">{m.loadFailed(load.message)}</p>}
      {load.status === 'ready' && shown.length === 0 && <p className="muted">{m.noMatch}</p>}
      <ul className="case-cards">
        {shown.map((e) => (
          <li key={e.id} className="case-card">
            {e.problem !== undefined ? (
              <div>
                <KeyImage source={undefined} />
                <h2>{e.id}</h2>
                <p role="alert">{m.cannotOpen(e.problem)}</p>
              </div>
            ) : (
              <a href={caseAddress(e.id, resumeStep(progress[e.id]))}>
                <KeyImage source={bundledKeyImage(e.id, e.keyImage)} />
                {unknown ? (
                  <>
                    <h2>{m.unknownCase(entries.indexOf(e) + 1)}</h2>
                    <p>{e.unknownTitle}</p>
                  </>
                ) : (
                  <>
                    <h2>{e.title}</h2>
                    {e.summary && <p>{e.summary}</p>}
                  </>
                )}
                <p className="case-meta">
                  <span>{e.modalities.join(' · ')}</span>
                  <span>{formatClock(e.duration)}</span>
                  <span>{m.stepCount(e.stepCount)}</span>
                  <span>{e.audience}</span>
                  {e.syntheticImages && <span className="badge">{m.syntheticImages}</span>}
                  <span className={`status status-${libraryStatus(progress[e.id]).replace(' ', '-')}`}>
                    {m.status[libraryStatus(progress[e.id])]}
                  </span>
                </p>
                <p className="case-tags">
                  {visibleTags(e, unknown).map((t) => (
                    <span key={t} className="tag">
                      {t}
                    </span>
                  ))}
                </p>
              </a>
            )}
            {e.problem === undefined && (
              <OfflineControls caseId={e.id} label={unknown ? m.unknownCaseInline(entries.indexOf(e) + 1) : e.title} />
            )}
          </li>
        ))}
      </ul>
      <DataCredits entries={entries} unknown={unknown} />
    </main>
  );
}
