import { useEffect, useState } from 'react';
import { resolveInCase } from '../../dicom/case-files';
import { describePackageProblem, type PackageProblem } from '../../dicom/package/package-files';
import { LessonView } from '../case-page/LessonView';
import { addOpenedPackage, openedPackage, pendingPackageFile, useOpenedPackages, type OpenedPackage } from './opened-packages';
import { isPackageRouteOf, packageAddress, parseHash, useHash } from '../route';
import { useUnknownMode } from '../unknown-mode';
import { readPackage } from './read-package';
import { keepPackage, keepRefusal, keptPackageFile, useKeptPackages } from './kept-packages';
import { messages } from '../i18n/messages';

const m = messages.package;
/** Unknown mode's wording: never the file's name or the case id, which may name the answer. */
const u = messages.unknownPackage;

const NO_SERIES_ERRORS = new Map<string, string>();

type Read = { status: 'none' } | { status: 'reading'; name: string } | { status: 'failed'; name: string; problems: PackageProblem[]; notes: string[] };

function NoteList({ label, notes }: { label: string; notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <details className="skipped-files" open={notes.length <= 3}>
      <summary>{label}</summary>
      <ul aria-label={label}>
        {notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </details>
  );
}

/** Above the transcript: where the case came from, and what the reader left out or could not vouch for. */
function PackageNotice({ p }: { p: OpenedPackage }) {
  const unknown = useUnknownMode();
  const n = p.notDeidentified.length;
  const kept = useKeptPackages().some((k) => k.caseId === p.lesson.id);
  const refusal = keepRefusal(p.lesson.id);
  const where = kept ? m.notice.kept : n > 0 ? m.notice.notKeptPatientData : refusal ? m.notice.notKept(refusal) : m.notice.pageOnly;
  return (
    <div className="package-notice">
      <p className="muted">
        {unknown ? u.openedFrom : m.notice.openedFrom(p.fileName)} {where}
      </p>
      {n > 0 && (
        <p role="note" className="deid-warning">
          {m.notice.notDeidentified(n)}
        </p>
      )}
      <NoteList label={m.notice.notes(p.notes.length)} notes={p.notes} />
    </div>
  );
}

/** The package just picked (`#/package`): read and checked, then shown at `#/package/<id>`, or refused with reasons. */
function ReadingPackage() {
  const unknown = useUnknownMode();
  const [read, setRead] = useState<Read>(() => {
    const file = pendingPackageFile();
    return file ? { status: 'reading', name: file.name } : { status: 'none' };
  });
  useEffect(() => {
    const file = pendingPackageFile();
    if (!file) return;
    let alive = true;
    void readPackage(file).then((r) => {
      if (!alive) return;
      if (!r.ok) return setRead({ status: 'failed', name: file.name, problems: r.problems, notes: r.notes });
      addOpenedPackage(r.opened);
      void keepPackage(r.opened, file);
      // Replace `#/package` in the history: going back leads to the library, not to reading the file again.
      window.location.replace(packageAddress(r.opened.lesson.id));
    });
    return () => {
      alive = false;
    };
  }, []);

  if (read.status === 'none') {
    return (
      <main className="page-message">
        <p>
          {m.reading.none} <a href="#/">{m.reading.chooseInLibrary}</a>
        </p>
      </main>
    );
  }
  if (read.status === 'reading') {
    return (
      <main className="page-message">
        <p role="status">{unknown ? u.checking : m.reading.checking(read.name)}</p>
      </main>
    );
  }
  return <Refused read={read} />;
}

function Refused({ read }: { read: Extract<Read, { status: 'failed' }> }) {
  return (
    <main className="page-message">
      <h1>{m.reading.refused}</h1>
      <p role="alert">{m.reading.problemCount(read.name, read.problems.length)}</p>
      <ul className="problems" aria-label={m.reading.problemList}>
        {read.problems.map((p, i) => (
          <li key={i}>{describePackageProblem(p)}</li>
        ))}
      </ul>
      <NoteList label={m.reading.notes} notes={read.notes} />
      <p>
        <a href="#/">{messages.common.backToLibrary}</a>
      </p>
    </main>
  );
}

/** A package not open in this page: read again from this browser's keeping, or said to be gone. */
function KeptPackage({ caseId }: { caseId: string }) {
  const unknown = useUnknownMode();
  const [read, setRead] = useState<Read>({ status: 'reading', name: caseId });
  useEffect(() => {
    let alive = true;
    void keptPackageFile(caseId).then(async (file) => {
      if (!alive) return;
      if (!file) return setRead({ status: 'none' });
      const r = await readPackage(file);
      if (!alive) return;
      // Shown by PackagePage once added; a kept package that no longer passes the checks says why.
      if (r.ok) addOpenedPackage(r.opened);
      else setRead({ status: 'failed', name: file.name, problems: r.problems, notes: r.notes });
    });
    return () => {
      alive = false;
    };
  }, [caseId]);
  if (read.status === 'reading') {
    return (
      <main className="page-message">
        <p role="status">{unknown ? u.opening : m.reading.opening(caseId)}</p>
      </main>
    );
  }
  if (read.status === 'failed') return <Refused read={read} />;
  return (
    <main className="page-message">
      <p>
        {unknown ? u.notOpen : m.notOpen(caseId)} <a href="#/">{m.openAgain}</a>
      </p>
    </main>
  );
}

/**
 * A package's address as the mode wants it: an id address (a bookmark, the back button) opened in unknown mode
 * turns into the alias at once, so the id does not stay in view. The same page stays mounted (App resolves the alias).
 */
function useAddressByMode(caseId: string | null): void {
  const unknown = useUnknownMode();
  const hash = useHash();
  useEffect(() => {
    if (caseId === null) return;
    const want = packageAddress(caseId);
    if (hash !== want && isPackageRouteOf(parseHash(hash), caseId)) window.history.replaceState(null, '', want);
  }, [caseId, unknown, hash]);
}

/** A case package read in this page: the lesson as from the library, with its images and narration from memory. */
export default function PackagePage({ caseId }: { caseId: string | null }) {
  useOpenedPackages(); // re-render when a package of this id is replaced
  useAddressByMode(caseId);
  if (caseId === null) return <ReadingPackage />;
  const p = openedPackage(caseId);
  if (!p) return <KeptPackage caseId={caseId} />;
  return (
    <LessonView
      key={p.urls[0] ?? caseId}
      lesson={p.lesson}
      series={p.series}
      seriesErrors={NO_SERIES_ERRORS}
      initialStep={0}
      authorLink={false}
      mediaUrl={(src) => p.media.get(resolveInCase('', src)) ?? ''}
      notice={<PackageNotice p={p} />}
    />
  );
}
