/**
 * A minimal GSPS reader written for the writer's tests only, so they can check a round trip before the real
 * reader (src/dicom/gsps/read.ts, the import side) is merged: it knows only the shapes our writer makes (an arrow
 * = a two-point POLYLINE shaft tail→tip, its head a three-point POLYLINE whose middle point is the tip; a label =
 * a TEXT anchored at the tail).
 */
import dcmjs, { type DcmjsDataset } from 'dcmjs';
import type { GspsArrow, GspsView } from '../../src/dicom/gsps/types';

const items = (ds: DcmjsDataset | undefined, tag: string): DcmjsDataset[] => (ds?.[tag]?.Value ?? []) as DcmjsDataset[];
const first = (ds: DcmjsDataset | undefined, tag: string): unknown => ds?.[tag]?.Value?.[0];
const nums = (ds: DcmjsDataset, tag: string): number[] => (ds[tag]?.Value ?? []).map(Number);
// Graphic data: PIXEL units with 0\0 at the top-left pixel's corner, so a case pixel's centre is +0.5 (dicom/gsps/pixels.ts).
const point = (v: number[], i: number): [number, number] => [(v[2 * i] as number) - 0.5, (v[2 * i + 1] as number) - 0.5];
const same = (a: readonly number[], b: readonly number[]): boolean => Math.abs(a[0]! - b[0]!) < 1e-3 && Math.abs(a[1]! - b[1]!) < 1e-3;

export interface MiniRead {
  view: GspsView;
  /** Heads found, by the tip they touch. */
  heads: [number, number][];
  dataset: DcmjsDataset;
}

export function readGsps(bytes: Uint8Array): MiniRead {
  const ds = dcmjs.data.DicomMessage.readFile(bytes.slice().buffer).dict;
  const refSeries = items(ds, '00081115')[0];
  const refImage = items(refSeries, '00081140')[0];
  const voi = items(ds, '00283110')[0];
  const area = items(ds, '0070005A')[0];
  const annotation = items(ds, '00700001')[0];
  const lines = items(annotation, '00700009').map((g) => nums(g, '00700022'));
  const shafts = lines.filter((l) => l.length === 4).map((l) => ({ tail: point(l, 0), tip: point(l, 1) }));
  const heads = lines.filter((l) => l.length === 6).map((l) => point(l, 1));
  const texts = items(annotation, '00700008');
  const arrows: GspsArrow[] = shafts.map((s) => {
    const text = texts.find((t) => t['00700014'] && same(point(nums(t, '00700014'), 0), s.tail));
    return { tip: s.tip, tail: s.tail, label: String(first(text, '00700006') ?? '') };
  });
  const tl = area ? nums(area, '00700052') : [];
  const br = area ? nums(area, '00700053') : [];
  return {
    view: {
      image: { sopClassUid: String(first(refImage, '00081150')), sopInstanceUid: String(first(refImage, '00081155')), seriesInstanceUid: String(first(refSeries, '0020000E')) },
      ...(voi ? { window: { center: Number(first(voi, '00281050')), width: Number(first(voi, '00281051')) } } : {}),
      region: [tl[0]! - 1, tl[1]! - 1, br[0]! - 1, br[1]! - 1],
      arrows,
      notes: texts.filter((t) => !t['00700014']).map((t) => String(first(t, '00700006'))),
      label: String(first(ds, '00700080')),
      description: String(first(ds, '00700081')),
    },
    heads,
    dataset: ds,
  };
}
