/**
 * A presentation state as this app reads and writes it: the DICOM Grayscale Softcopy Presentation State's parts
 * that mean the same as a cue's view of one image (`ViewportCue` in case/schema.ts). Shared by the GSPS writer
 * (case → archive) and reader (archive → case), so a round trip can be compared field by field.
 * Coordinates are image pixels as the case format uses them: [column, row], 0-based pixel numbers (an arrow points
 * at the pixel's centre). DICOM's graphic data in PIXEL units has 0\0 at the top-left pixel's top-left corner (so
 * +0.5), and Displayed Area corners are 1-based pixel numbers (so +1): converted at the edge (`pixels.ts`).
 */

/** The image a state applies to: the SOP Instance it references (Referenced Image Sequence). */
export interface GspsImageRef {
  sopClassUid: string;
  sopInstanceUid: string;
  /** Its series (Referenced Series Sequence), so a reader can find the image's series in a study. */
  seriesInstanceUid: string;
}

/** One arrow: a two-point polyline with an arrow head at `tip` (a text object anchored at the tail for its label). */
export interface GspsArrow {
  tip: [number, number];
  tail: [number, number];
  label: string;
}

export interface GspsView {
  image: GspsImageRef;
  /** Softcopy VOI LUT's Window Center/Width, in the image's modality units (after Rescale Slope/Intercept). */
  window?: { center: number; width: number };
  /** Displayed Area Selection as a pixel box [colMin, rowMin, colMax, rowMax] (the case's `region.box`). */
  region?: [number, number, number, number];
  arrows: GspsArrow[];
  /** Free text shown without an arrow (Text Object with no anchor): kept so nothing a radiologist wrote is lost. */
  notes: string[];
  /** Content Label and Content Description of the presentation state. */
  label: string;
  description: string;
}
