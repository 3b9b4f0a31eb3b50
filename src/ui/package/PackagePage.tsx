import { useEffect, useState } from 'react';
import { resolveInCase } from '../../dicom/case-files';
import { describePackageProblem, type PackageProblem } from '../../dicom/package/package-files';
import { LessonView } from '../case-page/LessonView';
import { addOpenedPackage, openedPackage, packageHref, pendingPackageFile, useOpenedPackages, type OpenedPackage } from './opened-packages';
import { readPackage } from './read-package';

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
  const n = p.notDeidentified.length;
  return (
    <div className="package-notice">
      <p className="muted">Opened from the case package {p.fileName}: kept in this page only.</p>
      {n > 0 && (
        <p role="note" className="deid-warning">
          {n} DICOM file{n > 1 ? 's do' : ' does'} not say {n > 1 ? 'they were' : 'it was'} de-identified (PatientIdentityRemoved is not
          YES): treat {n > 1 ? 'them' : 'it'} as patient data.
        </p>
      )}
      <NoteList label={`${p.notes.length} package note${p.notes.length === 1 ? '' : 's'}`} notes={p.notes} />
    </div>
  );
}

/** The package just picked (`#/package`): read and checked, then shown at `#/package/<id>`, or refused with reasons. */
function ReadingPackage() {
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
      // Replace `#/package` in the history: going back leads to the library, not to reading the file again.
      window.location.replace(packageHref(r.opened.lesson.id));
    });
    return () => {
      alive = false;
    };
  }, []);

  if (read.status === 'none') {
    return (
      <main className="page-message">
        <p>
          No case package is being opened. <a href="#/">Choose one in the library</a>
        </p>
      </main>
    );
  }
  if (read.status === 'reading') {
    return (
      <main className="page-message">
        <p role="status">Checking the case package {read.name}…</p>
      </main>
    );
  }
  return (
    <main className="page-message">
      <h1>This case package cannot be opened</h1>
      <p role="alert">
        {read.name}: {read.problems.length} problem{read.problems.length === 1 ? '' : 's'}
      </p>
      <ul className="problems" aria-label="Package problems">
        {read.problems.map((p, i) => (
          <li key={i}>{describePackageProblem(p)}</li>
        ))}
      </ul>
      <NoteList label="Notes" notes={read.notes} />
      <p>
        <a href="#/">Back to the case library</a>
      </p>
    </main>
  );
}

/** A case package read in this page: the lesson as from the library, with its images and narration from memory. */
export default function PackagePage({ caseId }: { caseId: string | null }) {
  useOpenedPackages(); // re-render when a package of this id is replaced
  if (caseId === null) return <ReadingPackage />;
  const p = openedPackage(caseId);
  if (!p) {
    return (
      <main className="page-message">
        <p>
          The case package "{caseId}" is not open (packages are kept only while the page is open).{' '}
          <a href="#/">Open it again in the library</a>
        </p>
      </main>
    );
  }
  return (
    <LessonView
      key={p.urls[0] ?? caseId}
      lesson={p.lesson}
      series={p.series}
      seriesErrors={NO_SERIES_ERRORS}
      initialStep={0}
      presenterConsole={false}
      mediaUrl={(src) => p.media.get(resolveInCase('', src)) ?? ''}
      notice={<PackageNotice p={p} />}
    />
  );
}
