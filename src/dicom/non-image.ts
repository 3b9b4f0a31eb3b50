/**
 * DICOM objects that are not images a viewer can scroll through: reports, plans, contours, waveforms,
 * segmentations, documents. A person who opens one deserves to hear what it is rather than "cannot be read",
 * so they are recognised by their SOP Class UID (0008,0016), or by Modality (0008,0060) when that is missing.
 */

interface Kind {
  /** What the object is, e.g. "a structured report (SR)". */
  what: string;
  /** What it holds instead of an image. */
  holds: string;
}

const SR: Kind = { what: 'a structured report (SR)', holds: 'findings and measurements as text' };
const RT_STRUCT: Kind = { what: 'an RT structure set', holds: 'contours drawn on another series' };
const RT_PLAN: Kind = { what: 'an RT plan', holds: 'radiotherapy beams and doses' };
const RT_RECORD: Kind = { what: 'an RT treatment record', holds: 'what a radiotherapy session delivered' };
const WAVEFORM: Kind = { what: 'a waveform (such as an ECG)', holds: 'signals over time' };
const SEG: Kind = {
  what: 'a segmentation (SEG)',
  holds: 'regions marked on another series, which this viewer does not overlay',
};
const PRESENTATION: Kind = { what: 'a presentation state', holds: 'display settings for other images' };
const KEY_OBJECTS: Kind = { what: 'a key object selection', holds: 'a list of chosen images' };
const DOCUMENT: Kind = { what: 'an encapsulated document (PDF, CDA or 3-D model)', holds: 'a document' };
const REGISTRATION: Kind = { what: 'a spatial registration or fiducials object', holds: 'how series line up' };
const RAW: Kind = { what: 'a raw data object', holds: 'vendor data' };
const SPECTROSCOPY: Kind = { what: 'an MR spectroscopy object', holds: 'spectra' };
const SURFACE: Kind = { what: 'a surface or mesh object', holds: 'a 3-D surface' };

const STORAGE = '1.2.840.10008.5.1.4.1.1.';

/** SOP classes by exact UID or by prefix ("…1.88." covers every SR class). Longest match wins. */
const BY_SOP_CLASS: ReadonlyArray<[uid: string, kind: Kind]> = [
  [`${STORAGE}88.59`, KEY_OBJECTS],
  [`${STORAGE}88.`, SR],
  [`${STORAGE}481.3`, RT_STRUCT],
  [`${STORAGE}481.5`, RT_PLAN],
  [`${STORAGE}481.8`, RT_PLAN],
  [`${STORAGE}481.4`, RT_RECORD],
  [`${STORAGE}481.6`, RT_RECORD],
  [`${STORAGE}481.7`, RT_RECORD],
  [`${STORAGE}481.9`, RT_RECORD],
  [`${STORAGE}9.`, WAVEFORM],
  [`${STORAGE}66.4`, SEG],
  [`${STORAGE}66.5`, SURFACE],
  [`${STORAGE}66.1`, REGISTRATION],
  [`${STORAGE}66.2`, REGISTRATION],
  [`${STORAGE}66.3`, REGISTRATION],
  [`${STORAGE}66`, RAW],
  [`${STORAGE}11.`, PRESENTATION],
  [`${STORAGE}104.`, DOCUMENT],
  [`${STORAGE}4.2`, SPECTROSCOPY],
  [`${STORAGE}68.`, SURFACE],
];

const BY_MODALITY: Readonly<Record<string, Kind>> = {
  SR: SR,
  KO: KEY_OBJECTS,
  RTSTRUCT: RT_STRUCT,
  RTPLAN: RT_PLAN,
  RTRECORD: RT_RECORD,
  ECG: WAVEFORM,
  HD: WAVEFORM,
  EPS: WAVEFORM,
  RESP: WAVEFORM,
  AU: WAVEFORM,
  SEG: SEG,
  PR: PRESENTATION,
  DOC: DOCUMENT,
  REG: REGISTRATION,
  FID: REGISTRATION,
};

function matches(sopClass: string, uid: string): boolean {
  return uid.endsWith('.') ? sopClass.startsWith(uid) : sopClass === uid;
}

/**
 * "a structured report (SR), not an image: it holds findings and measurements as text" for an object that is
 * not an image; undefined for image objects and for classes this list does not know. The modality is asked only
 * when the object has no image size: a scanned document stored as a secondary capture image says "DOC" and
 * is an image all the same.
 */
export function nonImageReason(
  sopClassUID: string | undefined,
  modality: string | undefined,
  hasImageSize: boolean,
): string | undefined {
  const sopClass = (sopClassUID ?? '').trim();
  let kind: Kind | undefined;
  let matched = '';
  for (const [uid, k] of BY_SOP_CLASS) {
    if (matches(sopClass, uid) && uid.length > matched.length) [kind, matched] = [k, uid];
  }
  if (!kind && !hasImageSize) kind = BY_MODALITY[(modality ?? '').trim().toUpperCase()];
  return kind ? `${kind.what}, not an image: it holds ${kind.holds}` : undefined;
}
