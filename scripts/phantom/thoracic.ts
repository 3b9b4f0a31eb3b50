/**
 * The thoracic spine of the CT phantom (T1 to L2): kyphotic curve, smaller and shorter bodies
 * (20-25 mm high), a rounder canal nearly filled by the cord, steep shingled spinous processes, rib
 * heads, and the dorsal epidural lesion over T6-T9.
 */
import { SpineCurve, type CurveKnot } from './curve';
import { EpiduralLesion } from './lesions';
import { interp, Profile } from './sdf';
import { Canal } from './canal';
import { SpineModel } from './spine';
import { jitterSpinous, levelBody } from './body-shape';
import { Vertebra, type PosteriorSpec, type VertebraSpec } from './vertebra';

type Row = [name: string, h: number, disc: number, D: number, W: number, theta: number, C: number, Wc: number, spAngle: number];

const ROWS: readonly Row[] = [
  ['T1', 16.5, 4, 16, 13, 24, 15, 10, 25],
  ['T2', 18, 4, 17, 13.5, 20, 14.5, 9, 32],
  ['T3', 19, 4.2, 18, 14, 15, 14, 8.5, 42],
  ['T4', 20, 4.5, 19, 14.5, 10, 14, 8, 50],
  ['T5', 20.5, 4.5, 20, 15, 6, 14.5, 8, 56],
  ['T6', 21, 4.7, 21, 15.5, 2, 15, 8, 60],
  ['T7', 21.5, 5, 22, 16, -2, 15, 8, 60],
  ['T8', 22, 5, 23, 16.5, -6, 15, 8, 57],
  ['T9', 22.5, 5.2, 24, 17, -9, 15, 8.5, 50],
  ['T10', 23, 5.5, 25, 17.5, -12, 15, 8.5, 40],
  ['T11', 23.5, 6, 26, 18.5, -14, 15.5, 9, 28],
  ['T12', 24, 6.5, 28, 19.5, -14, 16, 10, 18],
  ['L1', 25, 7, 30, 20.5, -11, 17, 11, 10],
  ['L2', 25.5, 7.5, 31.5, 21.5, -6, 17, 11, 8],
];

function arch(r: Row): PosteriorSpec {
  const lumbar = r[0].startsWith('L');
  return {
    canalDepth: r[6],
    canalHalfWidth: r[7],
    pedicleHeight: lumbar ? 15 : 12,
    pedicleWidth: lumbar ? 8.5 : 6,
    pillarWidth: lumbar ? 13 : 10,
    laminaThickness: 6,
    laminaTilt: lumbar ? 0.15 : 0.3,
    spAngleDeg: r[8],
    spLength: lumbar ? 31 : 40,
    spHeight: lumbar ? 19 : 9.5,
    spHalfWidth: 3,
    spTip: lumbar ? 1.3 : 0.55,
    spBaseU: lumbar ? 3 : 0.15 * r[1],
    tpReach: lumbar ? 14 : 18,
    tpHeight: lumbar ? 9 : 10,
    tpV: lumbar ? [2, 11] : [6, 20],
    rib: !lumbar,
  };
}

export interface Thoracic {
  spine: SpineModel;
  byName: ReadonlyMap<string, Vertebra>;
  depthAt: (s: number) => number;
  widthAt: (s: number) => number;
}

export function buildThoracic(seed: number, anchor: { y: number; z: number }): Thoracic {
  const tops: number[] = [];
  let s = 40;
  for (const r of ROWS) {
    tops.push(s);
    s += r[1] + r[2];
  }
  const knots: CurveKnot[] = [];
  ROWS.forEach((r, i) => knots.push({ s: tops[i]!, deg: r[5] }, { s: tops[i]! + r[1], deg: r[5] }));
  const i7 = ROWS.findIndex((r) => r[0] === 'T7');
  const curve = new SpineCurve({ knots, sStart: 0, sEnd: s + 40, smoothMm: 2.5, anchor: { s: tops[i7]! + ROWS[i7]![1] / 2, ...anchor } });
  const vertebrae = ROWS.map((r, i) => {
    const kind = r[0].startsWith('L') ? 'L' : 'T';
    const spec: VertebraSpec = { name: r[0], kind, height: r[1], discBelow: r[2], depth: r[3], halfWidth: r[4], ...levelBody(seed, r[0], kind), pe: jitterSpinous(seed, r[0], arch(r)) };
    return new Vertebra(spec, tops[i]!, curve);
  });
  vertebrae.forEach((v, i) => {
    if (i > 0) v.discAbove = vertebrae[i - 1]!.spec.discBelow;
  });
  const byName = new Map(vertebrae.map((v) => [v.spec.name, v] as const));
  const V = (n: string): Vertebra => byName.get(n)!;
  const keys = vertebrae.map((v) => v.sCentre);
  const canal = new Canal({ s: keys, depth: ROWS.map((r) => r[6]), halfWidth: ROWS.map((r) => r[7]) });
  const discMid = vertebrae.map((v) => v.sBottom + v.spec.discBelow / 2);
  const sLo = vertebrae[0]!.sTop - 60;
  const sHi = vertebrae[vertebrae.length - 1]!.sBottom + 60;
  const fatP = new Profile(sLo, sHi, (q) => {
    let m = 0.55;
    for (const dm of discMid) m += 0.8 * Math.exp(-(((q - dm - 1) / 5) ** 2));
    return 2.3 * m;
  });
  const posteriorFat = (q: number): number => fatP.at(q);

  // Dorsal epidural soft tissue over T6-T9, pushing the cord forward a little.
  const sFrom = V('T6').sTop + 3;
  const sTo = V('T9').sBottom - 3;
  const lesion = EpiduralLesion.lens({
    id: 'thoracic-posterior',
    site: 'posterior epidural space T6-T9',
    index: 0,
    seed,
    sFrom,
    sTo,
    side: 'posterior',
    wall: (q, x) => canal.back(q, x),
    thickness: () => 6.5,
    halfWidth: 8.5,
  });

  const spine = new SpineModel({
    curve,
    vertebrae,
    canal,
    contents: {
      anteriorGap: () => 1.0,
      posteriorFat,
      sacInset: 1.2,
      sacEnd: Infinity,
      sacTaper: 10,
      cordTip: V('L2').sTop - 2,
      cordRadius: 3.5,
      cordTaper: 28,
      cordShift: () => 0, // the lesion's push moves the sac and the cord with it
      roots: [],
    },
    lesions: [lesion],
    extra: null,
    cortex: 0.9,
    archCortex: 1.15,
    seed,
  });
  const depthP = new Profile(sLo, sHi, (q) => interp(keys, ROWS.map((r) => r[3]), q));
  const widthP = new Profile(sLo, sHi, (q) => interp(keys, ROWS.map((r) => r[4]), q));
  return {
    spine,
    byName,
    depthAt: (q) => depthP.at(q),
    widthAt: (q) => widthP.at(q),
  };
}
