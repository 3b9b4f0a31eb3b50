/**
 * Part A2 of the phantom's third pass (issue 21): the spine's bones as the axial T1 stacks cut them,
 * measured from the truth's label maps: the L2 body a rounded bean rather than a box, laminae
 * meeting behind a triangular canal, slender transverse processes angled back, lumbar facet joints
 * turned towards the sagittal plane, and the sacral alae as wings sloping back from the S1 body to
 * the iliac bones rather than a block.
 */
import { describe, expect, it } from 'vitest';
import { labelId, truth } from './phantom-case';
import { decodeLabels } from '../../scripts/phantom/truth';

const id = labelId;
const BONE = new Set(['cortex', 'marrow', 'marrow_fat', 'trabecula', 'arch_marrow'].map(id));

function stack(key: string): { maps: Uint8Array[]; cols: number; mm: number; level: { imageIndex: number; bodyCentre: [number, number] } } {
  const t = truth.series[key]!;
  const level = Object.values(t.levels)[0]!;
  // The dominant tissue of each pixel, without the partial-volume flag.
  const maps = decodeLabels(truth.labelMaps[t.labelMap]!).map((m) => m.map((v) => v & ~truth.mixedBit));
  return { maps, cols: t.columns, mm: t.pixelSpacing[0], level: { imageIndex: level.imageIndex, bodyCentre: [level.bodyCentre[0], level.bodyCentre[1]] } };
}

/** Runs of consecutive bone pixels down one column (rows), as [first, last] pairs. */
function boneRuns(lab: Uint8Array, cols: number, c: number, r0: number, r1: number): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let r = r0; r <= r1; r++) {
    const bone = BONE.has(lab[r * cols + c]!);
    if (bone && start < 0) start = r;
    if (!bone && start >= 0) {
      runs.push([start, r - 1]);
      start = -1;
    }
  }
  if (start >= 0) runs.push([start, r1]);
  return runs;
}

describe('the spine bones on the axial T1 stacks', () => {
  it('cuts the L2 body as a rounded bean, wider than deep, not a square', () => {
    const { maps, cols, level } = stack('t1-ax-l2');
    const lab = maps[level.imageIndex]!;
    const [c0, r0] = level.bodyCentre;
    // The body: bone connected to its centre, in front of the canal (whose front is the first
    // non-bone pixel behind the centre on the midline), so the arch is left out.
    let front = r0;
    while (BONE.has(lab[front * cols + c0]!) || lab[front * cols + c0] === id('vein')) front++;
    const seen = new Uint8Array(lab.length);
    const todo = [r0 * cols + c0];
    seen[todo[0]!] = 1;
    let area = 0;
    let [cMin, cMax, rMin, rMax] = [c0, c0, r0, r0];
    while (todo.length) {
      const p = todo.pop()!;
      const c = p % cols;
      const r = (p - c) / cols;
      area++;
      [cMin, cMax, rMin, rMax] = [Math.min(cMin, c), Math.max(cMax, c), Math.min(rMin, r), Math.max(rMax, r)];
      for (const q of [p - 1, p + 1, p - cols, p + cols]) {
        const qr = Math.floor(q / cols);
        if (seen[q] || qr >= front) continue;
        // The basivertebral vein runs inside the body: part of its outline, not outside it.
        if (!BONE.has(lab[q]!) && lab[q] !== id('vein')) continue;
        seen[q] = 1;
        todo.push(q);
      }
    }
    const width = cMax - cMin + 1;
    const depth = rMax - rMin + 1;
    expect(width / depth).toBeGreaterThan(1.15);
    expect(area / (width * depth)).toBeLessThan(0.9); // 0.92 for the old rounded box
  });

  it('gives L2 slender transverse processes that point a little backwards', () => {
    const { maps, cols, mm, level } = stack('t1-ax-l2');
    const [c0, r0] = level.bodyCentre;
    const at = (x: number): { thick: number; mid: number }[] => {
      const out: { thick: number; mid: number }[] = [];
      for (const side of [-1, 1]) {
        const c = Math.round(c0 + (side * x) / mm);
        for (const lab of maps) for (const [a, b] of boneRuns(lab, cols, c, r0, r0 + Math.round(60 / mm))) out.push({ thick: (b - a + 1) * mm, mid: ((a + b) / 2) * mm });
      }
      return out;
    };
    const near = at(28);
    const far = at(34);
    expect(near.length).toBeGreaterThan(0);
    expect(far.length).toBeGreaterThan(0);
    // Slender: no cut through the process is thicker than about 7 mm front to back.
    expect(Math.max(...near.map((p) => p.thick), ...far.map((p) => p.thick))).toBeLessThan(7.5);
    // Angled back: the outer part lies further back than the inner.
    const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
    expect(mean(far.map((p) => p.mid)) - mean(near.map((p) => p.mid))).toBeGreaterThan(0.8);
  });

  it('rings the L2 canal with laminae that run back to meet in the midline: a triangle, not a box', () => {
    const { maps, cols, mm, level } = stack('t1-ax-l2');
    const [c0, r0] = level.bodyCentre;
    // Down one column from the body's centre: past the body's bone, across the canal, to the first
    // bone behind it (a lamina), in mm behind the centre.
    const laminaFront = (lab: Uint8Array, x: number): number => {
      const c = Math.round(c0 + x / mm);
      let r = r0;
      while (r < r0 + 80 && BONE.has(lab[r * cols + c]!)) r++;
      while (r < r0 + 80 && !BONE.has(lab[r * cols + c]!)) r++;
      return (r - r0) * mm;
    };
    const apexed = maps.filter((lab) => {
      const mid = laminaFront(lab, 0);
      return [-1, 1].every((side) => {
        const near = laminaFront(lab, side * 5);
        const far = laminaFront(lab, side * 8);
        // one lamina on each side (found, and within a few mm of the midline one), coming forward outwards
        return mid < 45 && far < near + 0.5 && near < mid + 0.5 && mid - far > 2.5 && mid - far < 8;
      });
    });
    expect(apexed.length).toBeGreaterThan(0);
  });

  it('turns the L2-L3 facet joints towards the sagittal plane: the joint line runs back and out', () => {
    const { maps, cols, mm, level } = stack('t1-ax-l2');
    const [c0, r0] = level.bodyCentre;
    const lig = id('ligament');
    // The joint space beside the canal, on the slices through the L2-L3 disc (the stack's last ones):
    // the row of the joint's line at the pillar's inner and outer parts.
    let inner = 0;
    let outer = 0;
    let n = 0;
    for (const lab of maps.slice(level.imageIndex + 2)) {
      for (const side of [-1, 1]) {
        const rowOf = (x: number): number => {
          const c = Math.round(c0 + (side * x) / mm);
          const rows: number[] = [];
          for (let r = r0 + Math.round(20 / mm); r < r0 + Math.round(50 / mm); r++) if (lab[r * cols + c] === lig) rows.push(r);
          return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : NaN;
        };
        const a = rowOf(14);
        const b = rowOf(20);
        if (Number.isNaN(a) || Number.isNaN(b)) continue;
        inner += a;
        outer += b;
        n++;
      }
    }
    expect(n).toBeGreaterThan(0);
    // A coronal joint keeps one row; a lumbar one lies several mm further back laterally.
    expect(((outer - inner) / n) * mm).toBeGreaterThan(3);
  });

  it('spreads the sacral alae from the oval S1 body back to the iliac bones, not a block as deep as the body', () => {
    const { maps, cols, mm, level } = stack('t1-ax-l5s1');
    const lab = maps[level.imageIndex]!;
    const [c0, r0] = level.bodyCentre;
    const firstBone = (c: number): number => {
      for (let r = r0 - Math.round(40 / mm); r < r0 + Math.round(40 / mm); r++) if (BONE.has(lab[r * cols + c]!)) return r;
      return NaN;
    };
    const bodyFront = firstBone(c0);
    for (const side of [-1, 1]) {
      const alaFront = firstBone(Math.round(c0 + (side * 35) / mm));
      expect((alaFront - bodyFront) * mm).toBeGreaterThan(12);
      // The ala still reaches the sacroiliac joint: in some row, bone runs from the body out to 40 mm
      // and the iliac bone starts again within a joint's width (a few mm) beyond the ala's end.
      const col = (x: number): number => Math.round(c0 + (side * x) / mm);
      const reaches = Array.from({ length: Math.round(50 / mm) }, (_, k) => r0 - Math.round(20 / mm) + k).some((r) => {
        let x = 0;
        while (x < 70 && BONE.has(lab[r * cols + col(x)]!)) x += mm;
        if (x < 40) return false;
        for (let g = x; g < x + 6; g += mm) if (BONE.has(lab[r * cols + col(g)]!)) return true;
        return false;
      });
      expect(reaches).toBe(true);
    }
  });
});
