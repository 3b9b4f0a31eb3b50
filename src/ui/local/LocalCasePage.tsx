import { useEffect, useState } from 'react';
import { adhocCase, authoringStart, type AdhocSeries } from '../../case/adhoc-case';
import type { ParsedCase } from '../../case/schema';
import { scanLocalFiles, type LocalFile, type LocalSeries } from '../../dicom/local-series';
import { fileSetIdentity } from '../../dicom/file-set-identity';
import { AuthorView } from '../author/AuthorView';
import { localDraftKey, readDraft } from '../author/draft-storage';
import type { SeriesSource } from '../../viewer/types';
import { LessonView } from '../case-page/LessonView';
import { LOCAL_AUTHOR_ROUTE, pickedFiles } from './local-files';
import { readDicomFileOffThread } from '../../dicom/off-thread';
import { FilesAgainNotice } from './FilesAgainNotice';
import { SkippedList, type Skipped } from './SkippedList';
import { messages } from '../i18n/messages';

const m = messages.local;

type Load =
  | { status: 'reading'; count: number }
  | { status: 'empty'; skipped: Skipped }
  | {
      status: 'ready';
      lesson: ParsedCase;
      series: Map<string, SeriesSource>;
      skipped: Skipped;
      local: LocalSeries<File>[];
      /** Where a draft on exactly these files is kept. */
      draftKey: string;
      /** What authoring on them starts from. */
      fresh: ParsedCase;
    };

/** The name a user knows a file by: its path inside the folder they picked, else its name. */
const nameOf = (f: File): string => f.webkitRelativePath || f.name;

function asLocal(f: File): LocalFile<File> {
  return {
    name: nameOf(f),
    size: f.size,
    read: async (limit) => new Uint8Array(await (limit === undefined ? f : f.slice(0, limit)).arrayBuffer()),
    handle: f,
  };
}

/**
 * Files from this computer, viewed at once: series grouped and sorted, every viewer tool, nothing uploaded.
 * `author` (`#/local/author`): a case is being authored on them; the draft is kept under the files' identity.
 */
export default function LocalCasePage({ author }: { author: boolean }) {
  const [load, setLoad] = useState<Load>(() => ({ status: 'reading', count: pickedFiles().length }));

  useEffect(() => {
    let alive = true;
    const urls: string[] = [];
    // No files (a reload, or the address typed): nothing to read, and no "no DICOM among these files" about nothing.
    if (pickedFiles().length === 0) return;
    void scanLocalFiles(pickedFiles().map(asLocal), readDicomFileOffThread).then((scan) => {
      if (!alive) return;
      if (scan.series.length === 0) return setLoad({ status: 'empty', skipped: scan.skipped });
      const series = new Map<string, SeriesSource>();
      const summaries: AdhocSeries[] = scan.series.map((s, i) => {
        const key = `s${i + 1}`;
        series.set(key, {
          key,
          label: s.label,
          modality: s.modality,
          files: s.files.map((f) => {
            const url = URL.createObjectURL(f.handle);
            urls.push(url);
            return { name: f.name, url };
          }),
        });
        // A multi-frame file is one image per frame in the viewer.
        const imageCount = s.files.reduce((n, f) => n + Math.max(1, f.header.numberOfFrames), 0);
        return { key, label: s.label, modality: s.modality, imageCount };
      });
      const identity = fileSetIdentity(scan.series.flatMap((s) => s.files.map((f) => ({ ...f, size: f.handle.size }))));
      const lesson = adhocCase(summaries);
      setLoad({
        status: 'ready',
        lesson,
        fresh: authoringStart(lesson),
        series,
        skipped: scan.skipped,
        local: scan.series,
        draftKey: localDraftKey(identity),
      });
    });
    return () => {
      alive = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, []);

  if (load.status === 'reading') {
    if (load.count === 0 && author) return <FilesAgainNotice />;
    return (
      <main className="page-message">
        {load.count === 0 ? (
          <p>
            {m.noFiles} <a href="#/">{m.chooseInLibrary}</a>
          </p>
        ) : (
          <p role="status">{m.reading(load.count)}</p>
        )}
      </main>
    );
  }
  if (load.status === 'empty') {
    return (
      <main className="page-message">
        <h1>{m.noDicom}</h1>
        <SkippedList skipped={load.skipped} />
        <p>
          <a href="#/">{messages.common.backToLibrary}</a>
        </p>
      </main>
    );
  }
  if (author) {
    const local = load.local;
    return (
      <AuthorView
        lesson={load.lesson}
        series={load.series}
        seriesErrors={new Map()}
        draftKey={load.draftKey}
        fresh={load.fresh}
        backHref="#/local"
        // The de-identifier (dcmjs) is loaded only when a package is made: the player does not carry it.
        preparePackage={async (draft, narration) => (await import('./local-package')).prepareLocalPackage(draft, local, narration)}
      />
    );
  }
  const draft = readDraft(load.draftKey);
  return (
    <LessonView
      lesson={load.lesson}
      series={load.series}
      seriesErrors={new Map()}
      initialStep={0}
      adhoc
      notice={
        <>
          <SkippedList skipped={load.skipped} />
          <p className="local-author">
            <button type="button" onClick={() => (window.location.hash = LOCAL_AUTHOR_ROUTE)}>
              {draft ? m.continueDraft(draft.draft.title || messages.author.untitled) : m.authorFromFiles}
            </button>
          </p>
        </>
      }
    />
  );
}
