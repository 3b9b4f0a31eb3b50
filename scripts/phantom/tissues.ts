/**
 * Tissue classes of the phantom. Geometry decides a class per sample point; each modality maps a
 * class to a signal (T1 pre, T1 post, HU) in its own module, so anatomy and physics stay apart.
 */
export const Tissue = {
  AIR: 0,
  SKIN: 1,
  FAT: 2, // subcutaneous, retroperitoneal, mesenteric
  EPIDURAL_FAT: 3, // same signal as FAT, kept apart so truth samples can name it
  MUSCLE: 4,
  LIGAMENT: 5, // flavum, supraspinous, facet capsule: dark on T1
  INTERSPINOUS: 6,
  CORTEX: 7,
  MARROW: 8,
  DISC: 9,
  CSF: 10,
  CORD: 11,
  ROOT: 12,
  ARTERY: 13,
  VEIN: 14, // epidural plexus, basivertebral vein, IVC: enhances after gadolinium
  BOWEL: 15,
  GAS: 16,
  URINE: 17,
  VISCERA: 18, // liver and other solid organs
  LUNG: 19,
  BLOOD: 20, // heart chambers, great vessels on CT
  LUNG_VESSEL: 21,
  LESION_0: 22,
  LESION_1: 23,
  LESION_2: 24,
  ARCH_MARROW: 25, // marrow of the posterior elements: thinner bone, less fat than the bodies
  NUCLEUS: 26, // disc nucleus pulposus (DISC is then the annulus)
  IVC: 27, // fast-flowing venous blood: a flow void on spin echo, unlike the slow epidural plexus
  // Part C (MR soft tissue, abdomen): 34-35.
  FASCIA: 34, // fibrous septa of subcutaneous fat, deep fascia: dense collagen, dark on T1
  PARENCHYMA: 35, // kidney and uterus: solid organs with a long T1, intermediate-low on T1
  // Part B (CT chest):
  CARTILAGE: 30, // hyaline cartilage: costal cartilages, tracheal rings
  CALCIUM: 31, // calcified plaque in the coronary arteries and the aortic arch
  NODE: 32, // mediastinal lymph nodes, a few mm in the fat
  STERNUM_MARROW: 33, // cancellous core of the sternum, with a trabecular texture
  // Part A (spine bones): the cancellous bone's own structure.
  MARROW_FAT: 28, // fatty (yellow) marrow focus: brighter on T1, lower HU
  TRABECULA: 29, // condensed trabecular bone: vertical trabeculae, subchondral plate, sclerotic rims
} as const;

export type TissueId = (typeof Tissue)[keyof typeof Tissue];

export const TISSUE_COUNT = 36;

/** Names for the truth's label table (index = tissue id). */
export const TISSUE_NAMES: readonly string[] = (() => {
  const out: string[] = new Array<string>(TISSUE_COUNT).fill('');
  for (const [k, v] of Object.entries(Tissue)) out[v] = k.toLowerCase();
  return out;
})();
export const MAX_LESIONS = 3;

export function lesionTissue(index: number): TissueId {
  if (index < 0 || index >= MAX_LESIONS) throw new Error(`lesion index ${index} out of range`);
  return (Tissue.LESION_0 + index) as TissueId;
}

export function lesionIndexOf(t: number): number {
  return t >= Tissue.LESION_0 && t < Tissue.LESION_0 + MAX_LESIONS ? t - Tissue.LESION_0 : -1;
}

/** Texture families: which noise field modulates a tissue (0 = none). */
export const TextureKind = { NONE: 0, MARROW: 1, SOFT: 2, FAT: 3, LUNG: 4, LESION: 5, FIBRE: 8 } as const;
export type TextureKindId = (typeof TextureKind)[keyof typeof TextureKind];

export const TISSUE_TEXTURE: Readonly<Record<number, TextureKindId>> = {
  [Tissue.MARROW]: TextureKind.MARROW,
  [Tissue.ARCH_MARROW]: TextureKind.MARROW,
  [Tissue.MARROW_FAT]: TextureKind.MARROW,
  [Tissue.MUSCLE]: TextureKind.FIBRE, // fascicles run along the spine
  [Tissue.VISCERA]: TextureKind.SOFT,
  [Tissue.BOWEL]: TextureKind.SOFT,
  [Tissue.DISC]: TextureKind.SOFT,
  [Tissue.NUCLEUS]: TextureKind.SOFT,
  [Tissue.FAT]: TextureKind.FAT,
  [Tissue.EPIDURAL_FAT]: TextureKind.FAT,
  [Tissue.LUNG]: TextureKind.LUNG,
  [Tissue.STERNUM_MARROW]: TextureKind.MARROW,
  [Tissue.LESION_0]: TextureKind.LESION,
  [Tissue.LESION_1]: TextureKind.LESION,
  [Tissue.LESION_2]: TextureKind.LESION,
  [Tissue.PARENCHYMA]: TextureKind.SOFT,
};
