/**
 * Reads a case package picked in the browser: the same safe unpacking and checks as `npm run case:import`,
 * then each DICOM and media file becomes a blob: URL and each series a file series of those URLs, as
 * load-case.ts makes them from a case folder on the site. Nothing is uploaded or stored.
 */
import { libraryEntryOf } from '../../case/library';
import { listSeriesFiles, resolveInCase } from '../../dicom/case-files';
import { keyImageOf } from '../../dicom/key-image-files';
import { reasonOf } from '../../dicom/errors';
import { unpackCaseOffThread } from '../../dicom/package/unpack-off-thread';
import { BROWSER_PACKAGE_LIMITS, extensionOf, MEDIA_TYPES } from '../../dicom/package/package-format';
import { PACKAGE, packageReader, type PackageProblem } from '../../dicom/package/package-files';
import type { SeriesSource } from '../../viewer/types';
import type { OpenedPackage } from './opened-packages';
import { messages } from '../i18n/messages';

const m = messages.package;

export type PackageRead = { ok: true; opened: OpenedPackage } | { ok: false; problems: PackageProblem[]; notes: string[] };

const mb = m.megabytes;

async function read(file: File): Promise<PackageRead> {
  const limits = BROWSER_PACKAGE_LIMITS;
  // Stored entries are never smaller than the zip: a zip over the total limit cannot be a package we take.
  if (file.size > limits.maxTotalBytes) {
    return { ok: false, problems: [{ file: PACKAGE, message: m.problems.tooBig(mb(file.size), mb(limits.maxTotalBytes)) }], notes: [] };
  }
  const r = await unpackCaseOffThread(new Uint8Array(await file.arrayBuffer()), limits);
  if (!r.ok) return r;

  const urls: string[] = [];
  const urlOf = (path: string, type: string): string => {
    const bytes = r.files.get(path);
    if (!bytes) throw new Error(m.problems.missingEntry(path));
    // The zip reader hands out fresh copies, never views of a SharedArrayBuffer: what Blob's type asks for.
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    urls.push(url);
    return url;
  };
  const reader = packageReader(r.files);
  const series = new Map<string, SeriesSource>();
  try {
    for (const [i, s] of r.lesson.series.entries()) {
      if ('source' in s) continue; // refused by the unpacker; here for the type's sake
      const listing = await listSeriesFiles(s, i, reader);
      const files = listing.files.map((f) => ({ name: f, url: urlOf(f, 'application/dicom') }));
      series.set(s.key, { key: s.key, label: s.label, modality: s.modality, files });
    }
  } catch (e) {
    // The unpacker has read every listing already: this would be a bug, said plainly rather than thrown.
    urls.forEach((u) => URL.revokeObjectURL(u));
    return { ok: false, problems: [{ file: PACKAGE, message: reasonOf(e) }], notes: r.notes };
  }
  // The card's picture, found as the build finds a bundled case's; drawn from the series' blob: URLs by name.
  const keyImage = await keyImageOf(r.lesson, reader);
  const media = new Map<string, string>();
  const narration = r.lesson.narration && resolveInCase('', r.lesson.narration.src);
  if (narration) media.set(narration, urlOf(narration, MEDIA_TYPES[extensionOf(narration)] ?? 'application/octet-stream'));
  return {
    ok: true,
    opened: {
      lesson: r.lesson,
      entry: { ...libraryEntryOf(r.lesson), ...(keyImage ? { keyImage } : {}) },
      fileName: file.name,
      series,
      media,
      notes: r.notes,
      notDeidentified: r.notDeidentified,
      urls,
    },
  };
}

/** One read per file, however often React asks (StrictMode runs effects twice). */
const reads = new WeakMap<File, Promise<PackageRead>>();

export function readPackage(file: File): Promise<PackageRead> {
  let p = reads.get(file);
  if (!p) {
    p = read(file).catch((e: unknown): PackageRead => ({ ok: false, problems: [{ file: PACKAGE, message: m.problems.unreadable(reasonOf(e)) }], notes: [] }));
    reads.set(file, p);
  }
  return p;
}
