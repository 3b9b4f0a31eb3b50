/**
 * One voxel's tissue fractions and channel values, summed sample by sample: what the sagittal and the axial
 * renderers share. Each sample is a tissue (from the classifier) with its share of the voxel; its value in each
 * channel is the tissue's base plus the texture noise of its kind, evaluated once per sample point and kind.
 * The dominant tissue becomes the voxel's label (with MIXED when it was not alone), and lesion fractions are kept.
 */
import type { PlanePoint } from './canal';
import { hashString } from './rng';
import { noise3 } from './texture';
import { MAX_LESIONS, TISSUE_COUNT, TISSUE_TEXTURE, TextureKind, lesionTissue } from './tissues';

/** Per-tissue value and texture amplitude of one output channel. */
export interface ChannelTable {
  base: Float32Array;
  amp: Float32Array;
}

/** Label byte: the voxel's dominant tissue, plus this bit when other tissues share the voxel. */
export const MIXED = 128;

export interface RenderedSlice {
  channels: Float32Array[];
  label: Uint8Array; // dominant tissue, | MIXED when not every sample of the voxel agrees
  lesion: Float32Array[]; // per lesion: fraction of the slice thickness inside it
}

const TEXTURE_SCALE: Readonly<Record<number, number>> = {
  [TextureKind.MARROW]: 2.6,
  [TextureKind.SOFT]: 6,
  [TextureKind.FAT]: 7,
  [TextureKind.LUNG]: 2.2,
  [TextureKind.LESION]: 3.5,
  [TextureKind.FIBRE]: 1.4,
};

/** Texture kinds are small integers; room for every kind the tissue table may name. */
const TEXTURE_SLOTS = 10;

/** Muscle texture is stretched along the spine (s) this many times: fascicles, not grain. */
const FIBRE_STRETCH = 1 / 7;

export class VoxelSum {
  readonly out: RenderedSlice;
  private readonly tables: readonly ChannelTable[];
  private readonly texSeeds: number[];
  private readonly kinds = new Uint8Array(TISSUE_COUNT);
  private readonly tex = new Float64Array(TEXTURE_SLOTS);
  private readonly counts = new Float64Array(TISSUE_COUNT);
  private readonly acc: Float64Array;
  private kindsSeen = 0;

  /** A slice of `n` voxels in the channels of `tables`; texture seeds come from the case's seed. */
  constructor(n: number, tables: readonly ChannelTable[], seed: number) {
    this.tables = tables;
    this.acc = new Float64Array(tables.length);
    this.texSeeds = Array.from({ length: TEXTURE_SLOTS }, (_, k) => hashString(`${seed}/texture/${k}`));
    for (let t = 0; t < TISSUE_COUNT; t++) this.kinds[t] = TISSUE_TEXTURE[t] ?? TextureKind.NONE;
    this.out = {
      channels: tables.map(() => new Float32Array(n)),
      label: new Uint8Array(n),
      lesion: Array.from({ length: MAX_LESIONS }, () => new Float32Array(n)),
    };
  }

  /** Starts a voxel. */
  begin(): void {
    this.counts.fill(0);
    this.acc.fill(0);
    this.kindsSeen = 0;
  }

  /** Starts a sample point: its texture is evaluated afresh, once per kind, for the samples across the slab. */
  point(): void {
    this.tex.fill(NaN);
  }

  /**
   * Adds tissue `t` with share `w`; the texture is read at (`tx`, `at`'s y and z), or for fibres at (`tx`, depth,
   * arc length stretched), `at` being the point the texture stands for.
   */
  add(t: number, w: number, tx: number, at: PlanePoint): void {
    const counts = this.counts;
    if (counts[t] === 0) this.kindsSeen++;
    counts[t] = counts[t]! + w;
    const kind = this.kinds[t]!;
    let nv = 0;
    if (kind !== TextureKind.NONE) {
      nv = this.tex[kind]!;
      if (Number.isNaN(nv)) {
        nv =
          kind === TextureKind.FIBRE
            ? noise3(this.texSeeds[kind]!, tx, at.d, at.s * FIBRE_STRETCH, TEXTURE_SCALE[kind]!)
            : noise3(this.texSeeds[kind]!, tx, at.y, at.z, TEXTURE_SCALE[kind] ?? 5);
        this.tex[kind] = nv;
      }
    }
    const acc = this.acc;
    for (let ch = 0; ch < acc.length; ch++) {
      const tb = this.tables[ch]!;
      acc[ch] = acc[ch]! + w * (tb.base[t]! + tb.amp[t]! * nv);
    }
  }

  /** Writes the voxel at index `i` of the slice. */
  end(i: number): void {
    const { channels, label, lesion } = this.out;
    const counts = this.counts;
    for (let ch = 0; ch < this.acc.length; ch++) channels[ch]![i] = this.acc[ch]!;
    let best = 0;
    for (let t = 1; t < TISSUE_COUNT; t++) if (counts[t]! > counts[best]!) best = t;
    label[i] = this.kindsSeen === 1 ? best : best | MIXED;
    for (let li = 0; li < MAX_LESIONS; li++) {
      const f = counts[lesionTissue(li)]!;
      if (f > 0) lesion[li]![i] = f;
    }
  }
}
