/**
 * A case package of a library case as its author left it: the draft as case.json, the case folder's files it uses
 * (manifests, DICOM, narration) fetched from this site, and the draft's recording when it has one. The library's
 * DICOM came in through `case:import`, which de-identified it: each file must still say so (PatientIdentityRemoved
 * YES), or the export is refused, naming them. Nothing is changed in them, so there is nothing to review.
 */
import type { Draft } from '../../case/authoring';
import { caseFileUrl, type CaseFileReader } from '../../dicom/case-files';
import { casePaths } from '../../dicom/package/case-paths';
import { filesNotDeidentified } from '../../dicom/package/identity';
import { describePackageProblem } from '../../dicom/package/package-files';
import { packCase } from '../../dicom/package/pack';
import { CASE_FILE } from '../../dicom/package/package-format';
import { caseBaseUrl } from '../case-page/load-case';
import type { NarrationFile, PreparedPackage } from './prepared-package';
import { downloadZip } from './download-zip';
import { messages } from '../i18n/messages';

export function siteReader(caseId: string): CaseFileReader {
  const base = caseBaseUrl(caseId);
  const bytes = async (path: string): Promise<Uint8Array> => {
    const r = await fetch(caseFileUrl(base, path));
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
  return { readBytes: bytes, readText: async (p) => new TextDecoder().decode(await bytes(p)) };
}

/** `caseId`: the library folder the draft's files come from (the draft's own id may have been changed). */
export async function prepareLibraryPackage(draft: Draft, caseId: string, narration?: NarrationFile): Promise<PreparedPackage> {
  const reader = siteReader(caseId);
  const used = await casePaths(draft, draft, reader);
  if (used.problems.length) throw new Error(used.problems.map(describePackageProblem).join('; '));
  const recorded = narration && draft.narration ? draft.narration.src : null;
  const files = new Map<string, Uint8Array>();
  for (const path of used.paths) if (path !== CASE_FILE && path !== recorded) files.set(path, await reader.readBytes(path));
  const unmarked = filesNotDeidentified(files, used.dicom);
  if (unmarked.length) throw new Error(messages.author.libraryPackage.notDeidentified(unmarked.length, unmarked.slice(0, 3).join(', ')));
  if (recorded && narration) files.set(recorded, narration.bytes);
  files.set(CASE_FILE, new TextEncoder().encode(`${JSON.stringify(draft, null, 2)}\n`));
  const zip = packCase(files);
  return { findings: null, files: used.dicom.length, save: () => downloadZip(zip, `${draft.id}.zip`) };
}
