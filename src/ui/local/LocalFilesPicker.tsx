import { useState, type DragEvent } from 'react';
import { filesOfDrop, openLocalFiles } from './local-files';
import { looksLikeZip, openPackageFile } from '../package/opened-packages';
import { messages } from '../i18n/messages';

const m = messages.local.picker;

const hasFiles = (e: DragEvent): boolean => e.dataTransfer.types.includes('Files');

/** One zip is a case package (opened as the case it holds); anything else is DICOM viewed as an ad-hoc case. */
function openFiles(files: readonly File[], author: boolean): void {
  const [first] = files;
  if (!first) return;
  if (files.length === 1 && looksLikeZip(first)) openPackageFile(first);
  else openLocalFiles(files, author);
}

/**
 * Opens DICOM from this computer as an ad-hoc case (pick files, pick a folder, or drop either here), or a case
 * package (a .zip) as its case. The files are read in the browser; nothing is uploaded.
 */
export function LocalFilesPicker({ author = false }: { author?: boolean }) {
  const [over, setOver] = useState(false);
  const open = (list: FileList | null): void => {
    if (list) openFiles([...list], author);
  };
  return (
    <section
      className={over ? 'local-files over' : 'local-files'}
      aria-label={m.region}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setOver(false);
        void filesOfDrop(e.dataTransfer).then((files) => openFiles(files, author));
      }}
    >
      <p>
        <strong>{m.lead}</strong> {m.dropHere}{' '}
        <label className="file-button">
          {m.chooseFiles}
          <input type="file" multiple className="visually-hidden" onChange={(e) => open(e.target.files)} />
        </label>
        ,{' '}
        <label className="file-button">
          {m.folder}
          <input
            type="file"
            className="visually-hidden"
            // A folder picker: not in React's types, but every current browser supports it.
            {...{ webkitdirectory: '' }}
            onChange={(e) => open(e.target.files)}
          />
        </label>{' '}
        {m.or}{' '}
        <label className="file-button">
          {m.casePackage}
          <input type="file" accept=".zip,application/zip" className="visually-hidden" onChange={(e) => open(e.target.files)} />
        </label>
        . {m.staysHere}
      </p>
    </section>
  );
}
