/**
 * A Grayscale Softcopy Presentation State read as `GspsView`s, one per image it references: the window (Softcopy
 * VOI LUT), the displayed area (as a region box) and the annotations in PIXEL units. GSPS has no arrow: a
 * POLYLINE is read as one, its tip the point the line returns to most (the apex of a drawn head; the last point
 * of a plain two-point line), its tail the point farthest from the tip. A TEXT object anchored near an arrow's
 * tail or tip labels it; any other text is kept as a note. What cannot be read (DISPLAY units, curves) is named.
 */
import type { Dataset } from '../deid/dataset';
import { numbers, sequence, TAG, text } from '../tce/sr';
import { fromDicomPixel, fromDisplayedAreaPixel } from './pixels';
import type { GspsArrow, GspsImageRef, GspsView } from './types';

const T = {
  voiLut: '00283110',
  windowCenter: '00281050',
  windowWidth: '00281051',
  displayedArea: '0070005A',
  areaTlhc: '00700052',
  areaBrhc: '00700053',
  annotations: '00700001',
  textObjects: '00700008',
  graphicObjects: '00700009',
  anchorUnits: '00700004',
  unformattedText: '00700006',
  anchorPoint: '00700014',
  graphicUnits: '00700005',
  graphicData: '00700022',
  graphicType: '00700023',
  contentLabel: '00700080',
  contentDescription: '00700081',
} as const;

export interface GspsRead {
  views: GspsView[];
  /** What was passed over, in words: "a CIRCLE graphic object (only polylines become arrows)". */
  notes: string[];
}

type Point = [number, number];

/** The images an item applies to (its Referenced Image Sequence); all of the state's when it has none. */
function appliesTo(item: Dataset, image: GspsImageRef): boolean {
  const refs = sequence(item, TAG.referencedImage);
  return refs.length === 0 || refs.some((r) => text(r, TAG.referencedSopInstance) === image.sopInstanceUid);
}

function imagesOf(ds: Dataset): GspsImageRef[] {
  const out: GspsImageRef[] = [];
  for (const series of sequence(ds, TAG.referencedSeries)) {
    const seriesInstanceUid = text(series, TAG.seriesUid) ?? '';
    for (const ref of sequence(series, TAG.referencedImage)) {
      const sopInstanceUid = text(ref, TAG.referencedSopInstance);
      if (sopInstanceUid) out.push({ sopClassUid: text(ref, TAG.referencedSopClass) ?? '', sopInstanceUid, seriesInstanceUid });
    }
  }
  return out;
}

function pointsOf(data: number[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i + 1 < data.length; i += 2) out.push(fromDicomPixel([data[i]!, data[i + 1]!]));
  return out;
}

const same = (a: Point, b: Point): boolean => Math.abs(a[0] - b[0]) < 1e-3 && Math.abs(a[1] - b[1]) < 1e-3;
const dist = (a: Point, b: Point): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** An arrow from a polyline: the apex its head returns to, else its last point. */
export function arrowOfPolyline(points: readonly Point[]): { tip: Point; tail: Point } | undefined {
  if (points.length < 2) return undefined;
  let tip = points[points.length - 1]!;
  let best = 1;
  for (const p of points) {
    const n = points.filter((q) => same(p, q)).length;
    if (n > best) [tip, best] = [p, n];
  }
  const tail = points.reduce((far, p) => (dist(p, tip) > dist(far, tip) ? p : far), points[0]!);
  return dist(tip, tail) > 0 ? { tip, tail } : undefined;
}

const lengthOf = (line: readonly Point[]): number => line.slice(1).reduce((n, p, i) => n + dist(line[i]!, p), 0);
const ends = (line: readonly Point[]): Point[] => [line[0]!, line[line.length - 1]!];

/**
 * Arrows from a layer's polylines. A writer may draw the head as separate short strokes from the tip, or as one
 * short wing-tip-wing polyline (this app's writer, write-dataset.ts): a polyline at most half as long as another,
 * (a little slack over half) passing through one of its ends, is taken as that arrow's head, and that end is the tip.
 */
export function arrowsOfPolylines(lines: readonly Point[][]): { tip: Point; tail: Point }[] {
  const usable = lines.filter((l) => l.length >= 2);
  const tipOf = new Map<Point[], Point>();
  const heads = new Set<Point[]>();
  for (const stroke of usable) {
    for (const shaft of usable) {
      if (shaft === stroke || heads.has(shaft) || lengthOf(stroke) > lengthOf(shaft) * 0.6) continue;
      const shared = ends(shaft).find((e) => stroke.some((f) => same(e, f)));
      if (!shared) continue;
      heads.add(stroke);
      tipOf.set(shaft, shared);
      break;
    }
  }
  const out: { tip: Point; tail: Point }[] = [];
  for (const line of usable) {
    if (heads.has(line)) continue;
    const tip = tipOf.get(line);
    const arrow = tip ? { tip, tail: line.reduce((far, p) => (dist(p, tip) > dist(far, tip) ? p : far), line[0]!) } : arrowOfPolyline(line);
    if (arrow && dist(arrow.tip, arrow.tail) > 0) out.push(arrow);
  }
  return out;
}

function round2(p: Point): Point {
  return [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100];
}

function viewFor(ds: Dataset, image: GspsImageRef, notes: string[]): GspsView {
  const view: GspsView = {
    image,
    arrows: [],
    notes: [],
    label: text(ds, T.contentLabel) ?? '',
    description: text(ds, T.contentDescription) ?? '',
  };
  const voi = sequence(ds, T.voiLut).find((i) => appliesTo(i, image));
  if (voi) {
    const [center] = numbers(voi, T.windowCenter);
    const [width] = numbers(voi, T.windowWidth);
    if (Number.isFinite(center) && Number.isFinite(width) && width! > 0) view.window = { center: center!, width: width! };
  }
  const area = sequence(ds, T.displayedArea).find((i) => appliesTo(i, image));
  if (area) {
    const tl = numbers(area, T.areaTlhc);
    const br = numbers(area, T.areaBrhc);
    if (tl.length === 2 && br.length === 2 && [...tl, ...br].every(Number.isFinite)) {
      const a = fromDisplayedAreaPixel([tl[0]!, tl[1]!]);
      const b = fromDisplayedAreaPixel([br[0]!, br[1]!]);
      view.region = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
    }
  }
  const texts: { text: string; anchor?: Point }[] = [];
  for (const layer of sequence(ds, T.annotations).filter((i) => appliesTo(i, image))) {
    const lines: Point[][] = [];
    for (const g of sequence(layer, T.graphicObjects)) {
      const type = (text(g, T.graphicType) ?? '').toUpperCase();
      if (type !== 'POLYLINE') {
        notes.push(`a ${type || 'untyped'} graphic object (only polylines become arrows)`);
        continue;
      }
      if ((text(g, T.graphicUnits) ?? '').toUpperCase() !== 'PIXEL') {
        notes.push('a polyline in DISPLAY units (only PIXEL units are read)');
        continue;
      }
      lines.push(pointsOf(numbers(g, T.graphicData)));
    }
    for (const arrow of arrowsOfPolylines(lines)) view.arrows.push({ tip: round2(arrow.tip), tail: round2(arrow.tail), label: '' });
    for (const t of sequence(layer, T.textObjects)) {
      const value = text(t, T.unformattedText);
      if (!value) continue;
      const anchor = numbers(t, T.anchorPoint);
      const pixel = (text(t, T.anchorUnits) ?? '').toUpperCase() === 'PIXEL' && anchor.length === 2;
      texts.push({ text: value, anchor: pixel ? fromDicomPixel([anchor[0]!, anchor[1]!]) : undefined });
    }
  }
  for (const t of texts) {
    const arrow = t.anchor && nearestUnlabelled(view.arrows, t.anchor);
    if (arrow) arrow.label = t.text;
    else view.notes.push(t.text);
  }
  return view;
}

/** The unlabelled arrow whose tail (or tip) is within a few pixels of the anchor. */
function nearestUnlabelled(arrows: GspsArrow[], anchor: Point): GspsArrow | undefined {
  let best: GspsArrow | undefined;
  let bestD = 8;
  for (const a of arrows) {
    if (a.label) continue;
    const d = Math.min(dist(a.tail, anchor), dist(a.tip, anchor));
    if (d <= bestD) [best, bestD] = [a, d];
  }
  return best;
}

export function readGsps(ds: Dataset): GspsRead {
  const notes: string[] = [];
  const views = imagesOf(ds).map((image) => viewFor(ds, image, notes));
  return { views, notes: [...new Set(notes)] };
}
