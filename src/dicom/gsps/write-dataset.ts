/**
 * One `GspsView` as a Grayscale Softcopy Presentation State (PS3.3 A.33.1), written with dcmjs. The patient and
 * study modules are copied from the referenced image (already de-identified: the state must sit in the same study
 * beside it), and so are its de-identification attributes and Modality LUT, so the window means the same numbers.
 * An arrow is two POLYLINEs on the "ARROWS" layer, since GSPS has no arrow primitive: the shaft, two points from
 * tail to tip, then the head, three points (one wing, the tip, the other wing). Its label is a TEXT object
 * anchored at the tail (anchor line not shown), where the viewer draws labels.
 */
import dcmjs, { type DcmjsDataset, type DcmjsElement } from 'dcmjs';
import type { GspsArrow, GspsView } from './types';
import { toDicomPixel, toDisplayedAreaPixel } from './pixels';
import { fitLo } from './write-views';

export const GSPS_SOP_CLASS = '1.2.840.10008.5.1.4.1.1.11.1';
const EXPLICIT_LE = '1.2.840.10008.1.2.1';
/** The 2.25 UID of this app as a DICOM implementation (a fixed UUID as a number). */
const IMPLEMENTATION_UID = '2.25.186207436391935398313305862391728137517';
export const ARROW_LAYER = 'ARROWS';
/** The head's wings: this share of the shaft's length, at this angle either side of it. */
const HEAD_SHARE = 0.25;
const HEAD_MAX_PX = 12;
const HEAD_ANGLE = Math.PI / 7;

export interface GspsWriteOptions {
  sopInstanceUid: string;
  seriesInstanceUid: string;
  seriesNumber: number;
  instanceNumber: number;
  created: { date: string; time: string };
  creator: string;
}

const el = (vr: string, ...values: unknown[]): DcmjsElement => ({ vr, Value: values });
const seq = (...items: DcmjsDataset[]): DcmjsElement => ({ vr: 'SQ', Value: items });

/** The wings of an arrow head at `tip`, pointing away from `tail` (case pixels). */
export function arrowHead(tip: readonly [number, number], tail: readonly [number, number]): [[number, number], [number, number]] {
  const dx = tail[0] - tip[0];
  const dy = tail[1] - tip[1];
  const length = Math.hypot(dx, dy) || 1;
  const size = Math.min(HEAD_MAX_PX, Math.max(2, length * HEAD_SHARE));
  const wing = (angle: number): [number, number] => {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    return [tip[0] + ((dx * cos - dy * sin) / length) * size, tip[1] + ((dx * sin + dy * cos) / length) * size];
  };
  return [wing(HEAD_ANGLE), wing(-HEAD_ANGLE)];
}

function polyline(points: readonly (readonly [number, number])[]): DcmjsDataset {
  return {
    '00700005': el('CS', 'PIXEL'),
    '00700020': el('US', 2),
    '00700021': el('US', points.length),
    '00700022': el('FL', ...points.flatMap((p) => toDicomPixel(p))),
    '00700023': el('CS', 'POLYLINE'),
    '00700024': el('CS', 'N'),
  };
}

function arrowGraphics(arrow: GspsArrow): DcmjsDataset[] {
  const [a, b] = arrowHead(arrow.tip, arrow.tail);
  return [polyline([arrow.tail, arrow.tip]), polyline([a, arrow.tip, b])];
}

function anchoredText(text: string, at: readonly [number, number]): DcmjsDataset {
  return {
    '00700004': el('CS', 'PIXEL'),
    '00700006': el('ST', text),
    '00700014': el('FL', ...toDicomPixel(at)),
    '00700015': el('CS', 'N'),
  };
}

/** A note without an arrow: a text box along the top of the displayed area. */
function noteText(text: string, index: number): DcmjsDataset {
  const top = Math.min(0.9, 0.02 + index * 0.08);
  return {
    '00700003': el('CS', 'DISPLAY'),
    '00700006': el('ST', text),
    '00700010': el('FL', 0.02, top),
    '00700011': el('FL', 0.98, top + 0.07),
    '00700012': el('CS', 'LEFT'),
  };
}

/** The source image's element, if it has one with a value, else an empty one of `vr` (a type 2 attribute). */
function copied(image: DcmjsDataset, tag: string, vr: string): DcmjsElement {
  const e = image[tag];
  return e && e.Value && e.Value.length ? { vr: e.vr, Value: e.Value } : { vr, Value: [] };
}

function firstNumber(image: DcmjsDataset, tag: string): number | undefined {
  const v = Number(image[tag]?.Value?.[0]);
  return image[tag]?.Value?.length && Number.isFinite(v) ? v : undefined;
}

/** The displayed area in DICOM's 1-based whole pixels, kept inside what SL can hold and never empty. */
function displayedArea(view: GspsView, columns: number, rows: number): { tlhc: [number, number]; brhc: [number, number] } {
  if (!view.region) return { tlhc: [1, 1], brhc: [columns, rows] };
  const [c0, r0, c1, r1] = view.region;
  const tlhc = toDisplayedAreaPixel([c0, r0]);
  const brhc = toDisplayedAreaPixel([c1, r1]);
  return { tlhc, brhc: [Math.max(brhc[0], tlhc[0] + 1), Math.max(brhc[1], tlhc[1] + 1)] };
}

/** The presentation state's dataset (without the file meta group). `image` is the referenced image's dataset. */
export function gspsDataset(view: GspsView, image: DcmjsDataset, options: GspsWriteOptions): DcmjsDataset {
  const columns = firstNumber(image, '00280011') ?? 1;
  const rows = firstNumber(image, '00280010') ?? 1;
  const imageRef = (): DcmjsElement =>
    seq({ '00081150': el('UI', view.image.sopClassUid), '00081155': el('UI', view.image.sopInstanceUid) });
  const area = displayedArea(view, columns, rows);
  const spacing = image['00280030']?.Value;
  // Text is UTF-8 (ISO_IR 192), as a label may need. DCMTK 3.6.7's dcmpschk checks string bytes as if 8-bit and
  // reports UTF-8 letters whose second byte is 0x80-0x9F (Ö, É, œ) as control characters; ASCII text passes.
  const ds: DcmjsDataset = {
    '00080005': el('CS', 'ISO_IR 192'),
    '00080016': el('UI', GSPS_SOP_CLASS),
    '00080018': el('UI', options.sopInstanceUid),
    '00080020': copied(image, '00080020', 'DA'),
    '00080030': copied(image, '00080030', 'TM'),
    '00080050': copied(image, '00080050', 'SH'),
    '00080060': el('CS', 'PR'),
    '00080070': el('LO', 'case-teaching-viewer'),
    '00080090': copied(image, '00080090', 'PN'),
    '0008103E': el('LO', 'Teaching presentation states'),
    '00100010': copied(image, '00100010', 'PN'),
    '00100020': copied(image, '00100020', 'LO'),
    '00100030': copied(image, '00100030', 'DA'),
    '00100040': copied(image, '00100040', 'CS'),
    '0020000D': el('UI', image['0020000D']?.Value?.[0]),
    '0020000E': el('UI', options.seriesInstanceUid),
    '00200010': copied(image, '00200010', 'SH'),
    '00200011': el('IS', options.seriesNumber),
    '00200013': el('IS', options.instanceNumber),
    '00700080': el('CS', view.label),
    '00700081': el('LO', view.description),
    '00700082': el('DA', options.created.date),
    '00700083': el('TM', options.created.time),
    '00700084': el('PN', { Alphabetic: options.creator }),
    '00081115': seq({ '0020000E': el('UI', view.image.seriesInstanceUid), '00081140': imageRef() }),
    '0070005A': seq({
      '00081140': imageRef(),
      '00700052': el('SL', ...area.tlhc),
      '00700053': el('SL', ...area.brhc),
      '00700100': el('CS', 'SCALE TO FIT'),
      ...(spacing && spacing.length === 2 ? { '00700101': el('DS', ...spacing) } : { '00700102': el('IS', 1, 1) }),
    }),
    '20500020': el('CS', image['00280004']?.Value?.[0] === 'MONOCHROME1' ? 'INVERSE' : 'IDENTITY'),
  };
  // The image's de-identification travels with its state; a method text past LO's 64 characters (some writers
  // overrun it) is cut, or the whole state would fail validation.
  for (const tag of ['00120062', '00120064']) if (image[tag]) ds[tag] = image[tag] as DcmjsElement;
  const method = image['00120063']?.Value?.[0];
  if (typeof method === 'string') ds['00120063'] = el('LO', fitLo(method));
  const slope = firstNumber(image, '00281053');
  const intercept = firstNumber(image, '00281052');
  if (slope !== undefined && intercept !== undefined) {
    ds['00281052'] = el('DS', intercept);
    ds['00281053'] = el('DS', slope);
    ds['00281054'] = el('LO', image['00080060']?.Value?.[0] === 'CT' ? 'HU' : 'US');
  }
  if (view.window) {
    ds['00283110'] = seq({ '00081140': imageRef(), '00281050': el('DS', round(view.window.center)), '00281051': el('DS', round(Math.max(1, view.window.width))) });
  }
  const graphics = view.arrows.flatMap(arrowGraphics);
  const texts = [
    ...view.arrows.filter((a) => a.label.trim()).map((a) => anchoredText(a.label, a.tail)),
    ...view.notes.map(noteText),
  ];
  if (graphics.length || texts.length) {
    ds['00700001'] = seq({
      '00081140': imageRef(),
      '00700002': el('CS', ARROW_LAYER),
      ...(texts.length ? { '00700008': seq(...texts) } : {}),
      ...(graphics.length ? { '00700009': seq(...graphics) } : {}),
    });
    ds['00700060'] = seq({
      '00700002': el('CS', ARROW_LAYER),
      '00700062': el('IS', 1),
      '00700066': el('US', 0xffff),
      '00700068': el('LO', 'Teaching arrows and their labels'),
    });
  }
  return ds;
}

/** DS holds 16 characters: enough decimals for a window, never an exponent. */
function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** The Part 10 file (explicit VR little endian). */
export function gspsFile(dataset: DcmjsDataset): Uint8Array {
  const sopInstanceUid = dataset['00080018']?.Value?.[0];
  const meta: DcmjsDataset = {
    '00020001': { vr: 'OB', Value: [new Uint8Array([0, 1]).buffer] },
    '00020002': el('UI', GSPS_SOP_CLASS),
    '00020003': el('UI', sopInstanceUid),
    '00020010': el('UI', EXPLICIT_LE),
    '00020012': el('UI', IMPLEMENTATION_UID),
    '00020013': el('SH', 'CASEVIEWER_1'),
  };
  const dict = new dcmjs.data.DicomDict(meta);
  dict.dict = dataset;
  return new Uint8Array(dict.write({ allowInvalidVRLength: false }));
}
