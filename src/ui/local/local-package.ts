/**
 * Turns a case authored on local files into a case package: every DICOM file is de-identified (P6's importer:
 * Basic Profile, UIDs remapped and dates shifted consistently across the case, burned-in or screen-capture
 * images refused) before anything is written, the series get folders and manifests, and the draft's series point
 * at them. The author first sees what identifying information was found and what was done to it; the zip is made
 * in the browser and handed over as a download only once they confirm. Nothing is uploaded.
 */
import type { Draft } from '../../case/authoring';
import { importCase } from '../../dicom/import/import-case';
import { packCase } from '../../dicom/package/pack';
import type { LocalSeries } from '../../dicom/local-series';
import { identifierFindings } from '../../dicom/deid/findings';
import type { NarrationFile, PreparedPackage } from '../author/prepared-package';
import { messages } from '../i18n/messages';
import { downloadZip } from '../author/download-zip';

const enc = new TextEncoder();

function randomSalt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The package's files: case.json, series/<key>/NNNN.dcm and manifest.json per series, and the narration. */
export async function prepareLocalPackage(
  draft: Draft,
  series: readonly LocalSeries<File>[],
  narration?: NarrationFile,
): Promise<PreparedPackage> {
  const sources = [];
  for (const s of series) for (const f of s.files) sources.push({ name: f.name, bytes: new Uint8Array(await f.handle.arrayBuffer()) });
  const result = importCase(sources, { caseId: draft.id, salt: randomSalt() });
  const refused = [...result.quarantined, ...result.skipped];
  if (refused.length > 0) {
    throw new Error(messages.local.packageRefused(refused.map((n) => `${n.file}: ${n.reason}`).join('; ')));
  }
  // The importer orders series as the local scan does (series number, then first seen); check before pairing.
  if (result.series.length !== draft.series.length || result.series.some((s, i) => s.files.length !== series[i]?.files.length)) {
    throw new Error(messages.local.packageMismatch);
  }
  const files = new Map<string, Uint8Array>();
  const caseSeries = draft.series.map((s, i) => {
    const out = result.series[i]!;
    const names = out.files.map((_, k) => `${String(k + 1).padStart(4, '0')}.dcm`);
    out.files.forEach((bytes, k) => files.set(`series/${s.key}/${names[k]}`, bytes));
    files.set(`series/${s.key}/manifest.json`, enc.encode(`${JSON.stringify({ sorted: true, files: names }, null, 2)}\n`));
    return { key: s.key, label: s.label, modality: s.modality, manifest: `series/${s.key}/manifest.json` };
  });
  if (narration && draft.narration) files.set(draft.narration.src, narration.bytes);
  files.set('case.json', enc.encode(`${JSON.stringify({ ...draft, series: caseSeries }, null, 2)}\n`));
  return {
    findings: identifierFindings(result.report.counts),
    files: result.series.reduce((n, s) => n + s.files.length, 0),
    save: () => downloadZip(packCase(files), `${draft.id}.zip`),
  };
}
