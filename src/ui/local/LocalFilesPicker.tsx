import { useState, type DragEvent } from 'react';
import { filesOfDrop, openLocalFiles } from './local-files';

const hasFiles = (e: DragEvent): boolean => e.dataTransfer.types.includes('Files');

/**
 * Opens DICOM from this computer as an ad-hoc case: pick files, pick a folder, or drop either here. The files
 * are read in the browser; nothing is uploaded.
 */
export function LocalFilesPicker() {
  const [over, setOver] = useState(false);
  const open = (list: FileList | null): void => {
    if (list && list.length > 0) openLocalFiles([...list]);
  };
  return (
    <section
      className={over ? 'local-files over' : 'local-files'}
      aria-label="Open DICOM files from this computer"
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
        void filesOfDrop(e.dataTransfer).then((files) => files.length > 0 && openLocalFiles(files));
      }}
    >
      <p>
        <strong>View your own DICOM:</strong> drop files or a folder here, or{' '}
        <label className="file-button">
          choose files
          <input type="file" multiple className="visually-hidden" onChange={(e) => open(e.target.files)} />
        </label>{' '}
        or{' '}
        <label className="file-button">
          a folder
          <input
            type="file"
            className="visually-hidden"
            // A folder picker: not in React's types, but every current browser supports it.
            {...{ webkitdirectory: '' }}
            onChange={(e) => open(e.target.files)}
          />
        </label>
        . They are read in this browser; nothing is uploaded.
      </p>
    </section>
  );
}
