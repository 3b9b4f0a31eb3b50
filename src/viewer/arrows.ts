/**
 * Shows exactly a cue's arrows in one viewport, as locked CueArrow annotations on the images they belong to.
 * Arrow points are 0-based pixel indices [col,row]; the tip points at the pixel's centre.
 */
import { imageLoader, utilities, type Types } from '@cornerstonejs/core';
import { annotation, utilities as toolUtilities } from '@cornerstonejs/tools';
import type { Arrow } from '../case/schema';
import { defaultTail } from '../case/arrow-geometry';
import { CueArrowTool, forgetArrow, setArrowInfo } from './cue-arrow-tool';

let arrowCounter = 0;

export function pixelCentreToWorld(imageId: string, [col, row]: readonly [number, number]): Types.Point3 {
  const world = utilities.imageToWorldCoords(imageId, [col + 0.5, row + 0.5]);
  if (!world) throw new Error(`no geometry for ${imageId}`);
  return world;
}

export function removeArrows(uids: readonly string[], viewportId: string): void {
  if (uids.length === 0) return;
  for (const uid of uids) {
    annotation.state.removeAnnotation(uid);
    forgetArrow(uid);
  }
  toolUtilities.triggerAnnotationRenderForViewportIds([viewportId]);
}

/**
 * Adds the arrows; returns their annotation UIDs. An arrow whose image is out of range or cannot be loaded is
 * skipped with a console warning: the image problem itself surfaces when that image is shown. Nothing is added
 * if `isCurrent()` turns false while images load (a newer cue took over the viewport).
 */
export async function addArrows(
  viewport: Types.IStackViewport,
  ownerKey: string,
  arrows: readonly Arrow[],
  imageIndex: number,
  isCurrent: () => boolean,
  selected: number | null = null,
): Promise<string[]> {
  const imageIds = viewport.getImageIds();
  const placed: { arrow: Arrow; order: number; index: number; imageId: string; size: [number, number] }[] = [];
  for (const [order, arrow] of arrows.entries()) {
    const index = arrow.imageIndex ?? imageIndex;
    const imageId = imageIds[index];
    if (imageId === undefined) {
      console.warn(`arrow "${arrow.label}" is on image ${index}, but the series has ${imageIds.length} images`);
      continue;
    }
    try {
      // Cornerstone knows an image's geometry only once its file has been parsed.
      const image = await imageLoader.loadAndCacheImage(imageId);
      placed.push({ arrow, order, index, imageId, size: [image.columns, image.rows] });
    } catch {
      console.warn(`arrow "${arrow.label}": image ${index} could not be loaded`);
    }
  }
  if (!isCurrent()) return [];

  const uids: string[] = [];
  for (const { arrow, order, index, imageId, size } of placed) {
    const tail = arrow.tail ?? defaultTail(arrow.tip, ...size);
    const annotationUID = `${ownerKey}-arrow-${++arrowCounter}`;
    const cueArrow = CueArrowTool.createAnnotation({
      annotationUID,
      highlighted: false,
      isLocked: true,
      metadata: {
        ...viewport.getViewReference({ sliceIndex: index }),
        toolName: CueArrowTool.toolName,
        referencedImageId: imageId,
      },
      data: {
        label: arrow.label,
        handles: { points: [pixelCentreToWorld(imageId, arrow.tip), pixelCentreToWorld(imageId, tail)] },
      },
    });
    // The owner must be known before the annotation is added: adding it can trigger a render.
    setArrowInfo(annotationUID, {
      owner: ownerKey,
      index: order,
      labelWorld: arrow.labelAt && pixelCentreToWorld(imageId, arrow.labelAt),
      selected: order === selected,
    });
    annotation.state.addAnnotation(cueArrow, viewport.element);
    annotation.locking.setAnnotationLocked(annotationUID, true);
    uids.push(annotationUID);
  }
  toolUtilities.triggerAnnotationRenderForViewportIds([viewport.id]);
  return uids;
}
