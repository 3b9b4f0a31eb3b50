/**
 * A case imported from the archive, as a case package: its files were de-identified at import (in the worker,
 * before anything reached the page), so they go in as they are, each series with its manifest, the draft's series
 * pointing at them. The author still sees what the import found and did before the zip is saved.
 */
import type { Draft } from '../../case/authoring';
import type { TceFilesResult } from '../../dicom/tce/import-files';
import { packCase } from '../../dicom/package/pack';
import type { NarrationFile, PreparedPackage } from '../author/prepared-package';
import { downloadZip } from '../author/download-zip';
import { messages } from '../i18n/messages';

const enc = new TextEncoder();

export function prepareArchivePackage(draft: Draft, result: TceFilesResult, narration?: NarrationFile): PreparedPackage {
  const files = new Map<string, Uint8Array>();
  let count = 0;
  const caseSeries = draft.series.map((s) => {
    const imported = result.series.find((r) => r.key === s.key);
    // The author may not add series to an imported draft; a key the import did not make means other files.
    if (!imported) throw new Error(messages.local.packageMismatch);
    const names = imported.files.map((_, k) => `${String(k + 1).padStart(4, '0')}.dcm`);
    imported.files.forEach((bytes, k) => files.set(`series/${s.key}/${names[k]}`, bytes));
    files.set(`series/${s.key}/manifest.json`, enc.encode(`${JSON.stringify({ sorted: true, files: names }, null, 2)}\n`));
    count += imported.files.length;
    return { key: s.key, label: s.label, modality: s.modality, manifest: `series/${s.key}/manifest.json` };
  });
  if (narration && draft.narration) files.set(draft.narration.src, narration.bytes);
  files.set('case.json', enc.encode(`${JSON.stringify({ ...draft, series: caseSeries }, null, 2)}\n`));
  return { findings: result.findings, files: count, save: () => downloadZip(packCase(files), `${draft.id}.zip`) };
}
