/**
 * The lumbosacral spine of the MR phantom (T10 to the coccyx): level sizes from textbook ranges,
 * the lordotic and sacral curve, canal dimensions, thecal sac, conus at L1-L2, cauda equina, a fused
 * sacrum with foramina and a sacral hiatus, and the three teaching lesions.
 */
import { SpineCurve, type CurveKnot } from './curve';
import { EpiduralLesion } from './lesions';
import { interp, Profile, smoothstep } from './sdf';
import { Canal } from './canal';
import { SpineModel, type RootPath } from './spine';
import { jitterSpinous, levelBody } from './body-shape';
import { Vertebra, type PosteriorSpec, type VertebraSpec } from './vertebra';
import { sacralBone } from './sacrum';

function arch(C: number, Wc: number, o: Partial<PosteriorSpec>): PosteriorSpec {
  return {
    canalDepth: C,
    canalHalfWidth: Wc,
    pedicleHeight: 15,
    pedicleWidth: 8.5,
    pillarWidth: 13,
    laminaThickness: 6,
    laminaTilt: 0.15,
    spAngleDeg: 8,
    spLength: 31,
    spHeight: 15,
    spHalfWidth: 3.5,
    spTip: 1.3,
    spBaseU: 3,
    tpReach: 14,
    tpHeight: 9,
    tpV: [2, 11],
    rib: false,
    ...o,
  };
}

type Row = [name: string, kind: VertebraSpec['kind'], h: number, disc: number, D: number, W: number, wedge: number, theta: number];

// Heights/depths in mm (lumbar bodies 25-30 high, 30-35 deep; discs 8-12 mm at mid-depth once the
// lordotic wedge is added; L5-S1 thinner behind; 'wedge' is a record only: body-shape.ts shapes each body). theta: tilt of the body axis (deg, + = caudal end posterior).
// Negative 'disc' = fused sacral segments overlapping, so only S1-S2 keeps a remnant disc line.
const ROWS: readonly Row[] = [
  ['T10', 'T', 22, 5, 27, 16.5, 0, -11],
  ['T11', 'T', 23, 5.5, 28, 17.5, 0, -15],
  ['T12', 'T', 23.5, 6.5, 29, 19, 0, -17],
  ['L1', 'L', 25, 7, 30, 20.5, 0, -13],
  ['L2', 'L', 25.5, 7.5, 31.5, 21.5, 0, -6],
  ['L3', 'L', 26, 8, 33, 22.5, 0, 3],
  ['L4', 'L', 26, 8, 34, 23.5, 0, 13],
  ['L5', 'L', 25.5, 5.5, 34, 25, 4.5, 24],
  ['S1', 'S', 25, 1.6, 32, 22, 0, 41],
  ['S2', 'S', 21, -2, 25, 17.5, 0, 38],
  ['S3', 'S', 18, -2, 19, 13.5, 0, 30],
  ['S4', 'S', 14.5, -2, 14.5, 10.5, 0, 20],
  ['S5', 'S', 11.5, 1.6, 11, 8.5, 0, 6],
  ['Co1', 'Co', 8, 1.3, 9.5, 9, 0, -9],
  ['Co2', 'Co', 6.5, 1.2, 7.5, 6.5, 0, -22],
  ['Co3', 'Co', 5, 0, 6, 4.5, 0, -33],
];

// Canal AP (C) and half-width (Wc) at each level centre: lumbar AP 15-20 mm, sacral canal tapering.
const CANAL: Readonly<Record<string, [number, number]>> = {
  T10: [15, 9], T11: [15, 9.5], T12: [16, 10], L1: [17, 11], L2: [17, 11], L3: [16.5, 11.5], L4: [16, 12], L5: [17, 13],
  S1: [14, 14], S2: [11.5, 12], S3: [9.5, 10], S4: [7.5, 8], S5: [5.5, 7], Co1: [0, 4],
};

const ARCH: Readonly<Record<string, Partial<PosteriorSpec>>> = {
  T10: { spTip: 0.6, spAngleDeg: 38, spLength: 30, spHeight: 10, spBaseU: 0, pedicleHeight: 13, tpReach: 16, tpV: [4, 15], rib: true },
  T11: { spTip: 0.75, spAngleDeg: 25, spLength: 30, spHeight: 12, spBaseU: 1, pedicleHeight: 14, tpReach: 8, tpV: [3, 13], rib: true },
  T12: { spTip: 0.95, spAngleDeg: 15, spLength: 30, spHeight: 15, spBaseU: 2, pedicleHeight: 14, tpReach: 4, rib: true },
  // Facet joints turn from near-sagittal in the upper lumbar spine towards 45 degrees at L5-S1.
  L1: { tpReach: 10, facetShear: 1.3 },
  L2: { facetShear: 1.2 },
  L3: { tpReach: 18, facetShear: 1.0 },
  L4: { facetShear: 0.8 },
  L5: { spLength: 26, spHeight: 16, pedicleWidth: 10, tpReach: 12, tpHeight: 12, facetShear: 0.6 },
};

export interface Lumbosacral {
  spine: SpineModel;
  byName: ReadonlyMap<string, Vertebra>;
  sacralDepth: (s: number) => number;
}

export function buildLumbosacral(seed: number, anchor: { y: number; z: number }): Lumbosacral {
  // Arc length of each level along the posterior body line.
  const tops: number[] = [];
  let s = 40;
  for (const r of ROWS) {
    tops.push(s);
    s += r[2] + r[3];
  }
  // Constant tilt along each body, bending across the discs; the lumbosacral bend and the sacral
  // junctions are spread a little so the canal behind them stays smooth.
  const knots: CurveKnot[] = [];
  ROWS.forEach((r, i) => {
    const top = tops[i]!;
    const mTop = r[0] === 'S1' ? 6 : r[1] === 'S' || r[1] === 'Co' ? 2 : 0;
    const mBot = r[0] === 'L5' ? 6 : r[1] === 'S' || r[1] === 'Co' ? 2 : 0;
    knots.push({ s: top + mTop, deg: r[7] }, { s: top + r[2] - mBot, deg: r[7] });
  });
  const l3 = ROWS.findIndex((r) => r[0] === 'L3');
  const curve = new SpineCurve({ knots, sStart: 0, sEnd: s + 40, smoothMm: 2.5, anchor: { s: tops[l3]! + ROWS[l3]![2] / 2, ...anchor } });

  const vertebrae: Vertebra[] = ROWS.map((r, i) => {
    const [name, kind, h, disc, D, W] = r;
    const canal = CANAL[name];
    const pe = (kind === 'T' || kind === 'L') && canal ? jitterSpinous(seed, name, arch(canal[0], canal[1], ARCH[name] ?? {})) : null;
    const spec: VertebraSpec = { name, kind, height: h, discBelow: disc, depth: D, halfWidth: W, ...levelBody(seed, name, kind), pe };
    // An incidental haemangioma in the anterior upper L3 body, away from every teaching lesion.
    if (name === 'L3') spec.haemangioma = { u: -4.5, v: -0.64 * D, x: -2.8, r: 4 };
    return new Vertebra(spec, tops[i]!, curve);
  });
  vertebrae.forEach((v, i) => {
    if (i > 0) v.discAbove = vertebrae[i - 1]!.spec.discBelow;
  });
  const byName = new Map(vertebrae.map((v) => [v.spec.name, v] as const));
  const V = (n: string): Vertebra => {
    const v = byName.get(n);
    if (!v) throw new Error(`no level ${n}`);
    return v;
  };

  const centres = vertebrae.map((v) => v.sCentre);
  const canalKeys = vertebrae.filter((v) => CANAL[v.spec.name]).map((v) => v.sCentre);
  const canalRows = vertebrae.filter((v) => CANAL[v.spec.name]).map((v) => CANAL[v.spec.name]!);
  const canal = new Canal({ s: canalKeys, depth: canalRows.map((c) => c[0]), halfWidth: canalRows.map((c) => c[1]) });

  const discMid = vertebrae.slice(0, 8).map((v) => v.sBottom + v.spec.discBelow / 2); // T10-T11 .. L5-S1
  const fatBase = [1.5, 1.8, 2.2, 3, 3.6, 4.4, 5.2, 6, 5.5, 4.5];
  const fatKeys = centres.slice(0, fatBase.length);
  const sLo = vertebrae[0]!.sTop - 60;
  const sHi = vertebrae[vertebrae.length - 1]!.sBottom + 60;
  // Dorsal fat pads are thickest at the interlaminar (disc) levels.
  const fatP = new Profile(sLo, sHi, (q) => {
    let m = 0.45;
    for (const dm of discMid) m += 1.0 * Math.exp(-(((q - dm - 1) / 6.5) ** 2));
    return Math.min(interp(fatKeys, fatBase, q) * m, canal.depth(q) - 7);
  });
  const posteriorFat = (q: number): number => fatP.at(q);
  const sL5S1 = V('L5').sBottom;
  const gapP = new Profile(sLo, sHi, (q) => 1.2 + 1.6 * smoothstep(sL5S1 - 10, sL5S1 + 5, q));
  const anteriorGap = (q: number): number => gapP.at(q);

  const cordTip = V('L2').sTop - V('L1').spec.discBelow / 2 + 2; // conus at L1-L2
  const sacEnd = V('S2').sCentre; // thecal sac ends at S2
  const roots = caudaEquina(vertebrae, canal, posteriorFat, anteriorGap, cordTip, sacEnd);

  const sacrum = sacralBone(vertebrae, canal);
  const lesions = mrLesions(seed, V, canal);
  const spine = new SpineModel({
    curve,
    vertebrae,
    canal,
    contents: { anteriorGap, posteriorFat, sacInset: 2.5, sacEnd, sacTaper: 14, cordTip, cordRadius: 4.2, cordTaper: 30, cordShift: () => 0, roots },
    lesions,
    extra: sacrum.extra,
    cortex: 0.9,
    archCortex: 1.0,
    seed,
  });
  return { spine, byName, sacralDepth: sacrum.depth };
}

/** Cauda equina: roots leave the conus, layer dorsally in the supine sac, drift out to their foramina. */
function caudaEquina(
  vs: readonly Vertebra[],
  canal: Canal,
  posteriorFat: (s: number) => number,
  anteriorGap: (s: number) => number,
  cordTip: number,
  sacEnd: number,
): RootPath[] {
  const byName = new Map(vs.map((v) => [v.spec.name, v] as const));
  const exitAt = (n: string): number => {
    const v = byName.get(n)!;
    return v.spec.kind === 'S' ? v.sBottom + 1 : v.sBottom + v.spec.discBelow / 2;
  };
  const dorsal = (q: number, depthBack: number): number => canal.back(q, 0) - posteriorFat(q) - depthBack;
  const roots: RootPath[] = [];
  const lumbar = ['S1', 'L5', 'L4', 'L3', 'L2'];
  for (const side of [-1, 1]) {
    lumbar.forEach((n, i) => {
      const s0 = cordTip - 14;
      const s3 = exitAt(n);
      const s2 = s3 - 10;
      const s1 = 0.5 * (s0 + s2);
      const x0 = side * (1.4 + 1.0 * i);
      const xs = [x0, x0 + side * 0.8, side * (canal.halfWidth(s2) - 3.2), side * (canal.halfWidth(s3) + 2)];
      const ds = [dorsal(s0, 1.8 + 0.9 * (i % 3)), dorsal(s1, 1.6 + 1.0 * (i % 3)), 0.5 * (dorsal(s2, 2) + anteriorGap(s2)), 0.4 * canal.depth(s3)];
      roots.push({ s: [s0, s1, s2, s3], d: ds, x: xs, r: 0.85 });
    });
    // Sacral roots continue below the sac end in the fat of the sacral canal.
    ['S2', 'S3', 'S4'].forEach((n, i) => {
      const s0 = cordTip - 10;
      const s3 = exitAt(n);
      const s2 = s3 - 8;
      const x0 = side * (0.9 + 0.6 * i);
      const mid = Math.min(s2 - 1, sacEnd + 2);
      roots.push({
        s: [s0, mid, s2, s3],
        d: [dorsal(s0, 1.2 + 0.6 * i), 0.45 * canal.depth(mid) + 1, 0.4 * canal.depth(s2), 0.35 * canal.depth(s3)],
        x: [x0, side * (2.5 + i), side * (canal.halfWidth(s2) - 2.5), side * (canal.halfWidth(s3) + 2)],
        r: 0.75,
      });
    });
  }
  // Filum terminale: a thin midline strand from the conus tip to the coccyx.
  const fs = [cordTip - 2, sacEnd, byName.get('S4')!.sCentre];
  roots.push({ s: fs, d: fs.map((q) => 0.5 * (anteriorGap(q) + canal.back(q, 0) - posteriorFat(q))), x: [0, 0, 0], r: 0.5 });
  return roots;
}

/** The three teaching lesions (intermediate T1, epidural), in canal coordinates. */
function mrLesions(seed: number, V: (n: string) => Vertebra, canal: Canal): EpiduralLesion[] {
  const l2 = V('L2');
  const l5 = V('L5');
  const s3 = V('S3');
  const sL5S1 = l5.sBottom + l5.spec.discBelow / 2;
  const dorsal = (s: number, x: number): number => canal.back(s, x);
  return [
    // Anterior epidural behind the L2 body, over its height: ~30 mm long, up to ~7 mm thick, lifting
    // the thecal sac off the posterior body wall.
    EpiduralLesion.lens({ id: 'l2-anterior', site: 'anterior epidural space at L2', index: 0, seed, sFrom: l2.sCentre - 15, sTo: l2.sCentre + 15, side: 'anterior', wall: () => 0, thickness: () => 6.4, halfWidth: 9.5 }),
    // Dorsal epidural from the L5-S1 level caudally down the sacral canal, replacing its fat: ~45 mm.
    EpiduralLesion.lens({
      id: 'l5s1-posterior',
      site: 'posterior epidural space from L5-S1 into the sacral canal',
      index: 1,
      seed,
      sFrom: sL5S1 - 8,
      sTo: sL5S1 + 40,
      side: 'posterior',
      wall: dorsal,
      thickness: (q) => Math.min(7.5, 0.72 * canal.depth(q)),
      halfWidth: 10,
    }),
    // Dorsal sacral canal at S3: ~18 mm.
    EpiduralLesion.lens({ id: 's3-posterior', site: 'dorsal sacral canal at S3', index: 2, seed, sFrom: s3.sCentre - 10, sTo: s3.sCentre + 9, side: 'posterior', wall: dorsal, thickness: (q) => Math.min(6.5, 0.78 * canal.depth(q)), halfWidth: 8 }),
  ];
}
