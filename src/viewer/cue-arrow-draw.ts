/**
 * Draws a viewport's cue arrows into Cornerstone's SVG layer: a thick yellow line with one shared arrow-head
 * marker, and a label at its tail on a dark backing, joined to the arrow by a dashed line.
 *
 * Why not ArrowAnnotate's own drawing: it looks up a dozen style properties per arrow and measures every label
 * with getBBox(), each a forced layout of the page; on a step that brings up three viewports with seven labelled
 * arrows that came to about a quarter of the step. Here the style is fixed, the label is measured once per text
 * on a canvas (no layout), and the caller gives the viewport's size from its canvas (no layout either).
 */
import { drawing, type Types as ToolTypes } from '@cornerstonejs/tools';
import { labelLink, placeLabel, type Box, type Point } from './label-placement';

const ARROW_COLOR = 'rgb(255, 221, 0)';
const LINE_WIDTH = 3;
/** Of the head, in line widths (an SVG marker scales with the line, so a thick arrow keeps a proportionate head). */
const MARKER_SIZE = 4;
const FONT_SIZE = 15;
const FONT_FAMILY = 'Helvetica, Arial, sans-serif';
const LABEL_BACKGROUND = 'rgba(0, 0, 0, 0.55)';
const PAD_X = 4;
const PAD_Y = 2;
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface CueArrowShape {
  uid: string;
  tip: Point;
  tail: Point;
  label: string;
  /** Where the label's centre goes (dragged there by an author); else at its tail. */
  labelAt?: Point;
  /** Author mode: the arrow the author picked shows its ends as handles. */
  selected?: boolean;
}

const HANDLE_RADIUS = 5;
const HANDLE_COLOR = 'rgb(255, 255, 255)';

const widths = new Map<string, number>();
let measureContext: CanvasRenderingContext2D | null | undefined;

/** The label's width in CSS pixels at the label font (the same font matching as the SVG text gets). */
function textWidth(text: string): number {
  const known = widths.get(text);
  if (known !== undefined) return known;
  measureContext ??= document.createElement('canvas').getContext('2d');
  let width = text.length * FONT_SIZE * 0.55; // no 2D context at all: a fair estimate for this font
  if (measureContext) {
    measureContext.font = `${FONT_SIZE}px ${FONT_FAMILY}`;
    width = measureContext.measureText(text).width;
  }
  widths.set(text, width);
  return width;
}

/** The head marker, one per SVG layer (Cornerstone's drawArrow adds one per arrow, and never removes them). */
function headMarker(layer: Element): string {
  const id = `cue-arrow-head-${layer.id}`;
  if (layer.querySelector(`#${CSS.escape(id)}`)) return id;
  const marker = document.createElementNS(SVG_NS, 'marker');
  for (const [k, v] of Object.entries({ id, viewBox: '0 0 10 10', refX: '8', refY: '5', markerWidth: `${MARKER_SIZE}`, markerHeight: `${MARKER_SIZE}`, orient: 'auto' })) {
    marker.setAttribute(k, v);
  }
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M 0 0 L 10 5 L 0 10 z');
  path.setAttribute('fill', ARROW_COLOR);
  marker.appendChild(path);
  (layer.querySelector('defs') ?? layer).appendChild(marker);
  return id;
}

/** The label's group (backing and text) at `box`, made or brought up to date. */
function drawLabel(helper: ToolTypes.SVGDrawingHelper, uid: string, text: string, box: Box, selected: boolean): void {
  const hash = `${uid}::cue-label::1`;
  let group = helper.getSvgNode(hash) as SVGGElement | undefined;
  if (!group) {
    group = document.createElementNS(SVG_NS, 'g');
    group.setAttribute('data-annotation-uid', uid);
    group.setAttribute('class', 'cue-arrow-label');
    const backing = document.createElementNS(SVG_NS, 'rect');
    backing.setAttribute('fill', LABEL_BACKGROUND);
    const label = document.createElementNS(SVG_NS, 'text');
    label.setAttribute('fill', ARROW_COLOR);
    label.setAttribute('font-size', `${FONT_SIZE}px`);
    label.setAttribute('font-family', FONT_FAMILY);
    label.setAttribute('dominant-baseline', 'central');
    label.setAttribute('style', `user-select: none; pointer-events: none; filter: url(#shadow-${helper.svgLayerElement.id});`);
    group.append(backing, label);
    helper.appendNode(group, hash);
  } else {
    helper.setNodeTouched(hash);
  }
  const [backing, label] = [group.firstElementChild as SVGRectElement, group.lastElementChild as SVGTextElement];
  drawing.setAttributesIfNecessary({ transform: `translate(${box.x} ${box.y})` }, group);
  // A picked arrow's label gets a white frame: the author sees which one Delete would remove.
  drawing.setAttributesIfNecessary(
    { width: `${box.width}`, height: `${box.height}`, stroke: selected ? HANDLE_COLOR : 'none', 'stroke-width': selected ? '1.5' : '0' },
    backing,
  );
  drawing.setAttributesIfNecessary({ x: `${PAD_X}`, y: `${box.height / 2}` }, label);
  if (label.textContent !== text) label.textContent = text;
}

/** A label box of `size` centred on `at`, moved inside the canvas. */
function labelBoxAt(at: Point, size: { width: number; height: number }, canvas: { width: number; height: number }): Box {
  const clamp = (v: number, room: number): number => Math.max(0, Math.min(v, room));
  return { x: clamp(at[0] - size.width / 2, canvas.width - size.width), y: clamp(at[1] - size.height / 2, canvas.height - size.height), ...size };
}

/**
 * Where the viewport's corner text lies (series name, modality and zoom at the top; image number, location and
 * window at the bottom; ViewportFrame), about: labels placed by the viewer keep out of it.
 */
function overlayCorners({ width, height }: { width: number; height: number }): Box[] {
  return [
    // The series name, and the link buttons under it in a linked viewport.
    { x: 0, y: 0, width: Math.min(190, width / 2), height: 56 },
    { x: width - 80, y: 0, width: 80, height: 40 },
    { x: 0, y: height - 42, width: 100, height: 42 },
    { x: width - 110, y: height - 26, width: 110, height: 26 },
  ];
}

/**
 * Draws `arrows` in a canvas of `size` CSS pixels and returns each one's label box (undefined without a label).
 * Labels an author placed go where they were put; the others are placed in order, each clear of those before.
 */
export function drawCueArrows(
  helper: ToolTypes.SVGDrawingHelper,
  arrows: readonly CueArrowShape[],
  size: { width: number; height: number },
): (Box | undefined)[] {
  // A viewport hidden in the grid (another one maximised) has no size: its points come out NaN, nothing to draw.
  const finite = (p: Point): boolean => Number.isFinite(p[0]) && Number.isFinite(p[1]);
  if (!(size.width > 0 && size.height > 0) || arrows.some((a) => !finite(a.tip) || !finite(a.tail))) return arrows.map(() => undefined);
  const markerEndId = headMarker(helper.svgLayerElement);
  const labelSize = (label: string): { width: number; height: number } => ({ width: textWidth(label) + 2 * PAD_X, height: FONT_SIZE * 1.3 + 2 * PAD_Y });
  const boxes = arrows.map((a) => (a.label && a.labelAt ? labelBoxAt(a.labelAt, labelSize(a.label), size) : undefined));
  const placed: Box[] = [...overlayCorners(size), ...boxes.filter((b): b is Box => b !== undefined)];
  arrows.forEach(({ uid, tip, tail, label, selected }, i) => {
    drawing.drawLine(helper, uid, 'arrow', tail, tip, { color: ARROW_COLOR, width: LINE_WIDTH, markerEndId });
    if (selected) {
      // A ring round the tip, so the head stays visible; a dot on the tail.
      drawing.drawCircle(helper, uid, 'tip-handle', tip, HANDLE_RADIUS + 2, { color: HANDLE_COLOR, fill: 'none', width: 2 });
      drawing.drawCircle(helper, uid, 'tail-handle', tail, HANDLE_RADIUS, { color: HANDLE_COLOR, fill: ARROW_COLOR, width: 2 });
    }
    if (!label) return;
    let box = boxes[i];
    if (!box) {
      box = placeLabel(tip, tail, labelSize(label), size, placed);
      placed.push(box);
      boxes[i] = box;
    }
    drawLabel(helper, uid, label, box, Boolean(selected));
    const [from, to] = labelLink([tip, tail], box);
    drawing.drawLine(helper, uid, 'label-link', from, to, { color: ARROW_COLOR, width: 1, lineDash: '2,3' });
  });
  return boxes;
}
