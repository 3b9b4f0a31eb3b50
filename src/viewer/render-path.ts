/**
 * Which of Cornerstone's two renderers draws a viewport. WebGL is the default and the only one on a real GPU.
 * Without one, the browser's WebGL is a software rasterizer (SwiftShader, llvmpipe) and every draw waits for it:
 * a slice takes about three times as long there as with Cornerstone's CPU renderer. The CPU renderer is used
 * then, per viewport, for the images it draws right: grey integer pixels with a linear window. It draws
 * floating-point pixels black, and colour images and LUT sequences are outside what it was checked against,
 * so those stay on WebGL (see README "Bench").
 */
import { Enums, getShouldUseCPURendering, setUseCPURendering, type RenderingEngine, type Types } from '@cornerstonejs/core';

export type RendererChoice = 'auto' | 'webgl' | 'cpu';

/** Pixel arrays whose grey values Cornerstone's CPU renderer maps through its lookup table as they are. */
const CPU_PIXEL_TYPES = new Set(['Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array']);

/** Whether Cornerstone's CPU renderer draws this decoded image as WebGL does. Pure, for tests. */
export function cpuDrawsRight(image: Pick<Types.IImage, 'color' | 'numberOfComponents' | 'getPixelData' | 'modalityLUT' | 'voiLUT' | 'voiLUTFunction' | 'colormap'>): boolean {
  if (image.color || image.numberOfComponents !== 1) return false;
  if (image.modalityLUT || image.voiLUT || image.colormap) return false;
  const fn = image.voiLUTFunction as string | undefined;
  if (fn && fn.toUpperCase() !== 'LINEAR') return false;
  return CPU_PIXEL_TYPES.has(image.getPixelData().constructor.name);
}

/** Renderer names of WebGL implementations that run on the CPU. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver/i;

/** Whether a WebGL renderer name is a software rasterizer's. Pure, for tests. */
export function isSoftwareRenderer(name: string): boolean {
  return SOFTWARE.test(name);
}

let software: boolean | undefined;

/** The browser's WebGL renderer is a software one (asked once, on a throwaway context that is then released). */
function softwareWebGL(): boolean {
  if (software !== undefined) return software;
  const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
  // No WebGL at all: Cornerstone's init() has switched everything to its CPU renderer already.
  if (!gl) return (software = false);
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return (software = isSoftwareRenderer(name));
}

/** `?renderer=webgl|cpu` in the page address forces one renderer (tests compare the two); anything else is auto. */
export function rendererChoice(search: string): RendererChoice {
  const asked = new URLSearchParams(search).get('renderer');
  return asked === 'webgl' || asked === 'cpu' ? asked : 'auto';
}

/** Whether the CPU renderer is the one to use here for the images it draws right. */
export function cpuPreferred(choice: RendererChoice = rendererChoice(window.location.search)): boolean {
  return choice === 'cpu' || (choice === 'auto' && softwareWebGL());
}

/** Whether a viewport showing `image` should use the CPU renderer. */
export function useCpuFor(image: Types.IImage): boolean {
  return cpuDrawsRight(image) && cpuPreferred();
}

/**
 * Creates stack viewport `id` in `element`, for the CPU renderer if `cpu` (or when the browser has no WebGL at all).
 * Cornerstone 5.14 builds a new viewport for the renderer of its global setting, so that is set for this one
 * viewport and put back; and its rendering engine asks the viewport's class, i.e. that same global, which
 * renderer to draw each viewport with, so the viewport is made to answer for itself.
 */
export function enableStackViewport(engine: RenderingEngine, id: string, element: HTMLDivElement, cpu: boolean): void {
  const before = getShouldUseCPURendering();
  const onCpu = cpu || before;
  setUseCPURendering(onCpu, false);
  try {
    engine.enableElement({ viewportId: id, type: Enums.ViewportType.STACK, element, defaultOptions: { background: [0, 0, 0] } });
  } finally {
    setUseCPURendering(before, false);
  }
  const viewport = engine.getViewport(id) as Types.IStackViewport;
  viewport.getUseCustomRenderingPipeline = () => onCpu;
  if (onCpu) canvasInCssPixels(viewport);
}

/**
 * Cornerstone 5.14's CPU viewport keeps its canvas at the element's CSS size, yet its worldToCanvas divides by
 * devicePixelRatio and its canvasToWorld multiplies, as if the canvas were in device pixels like WebGL's: at any
 * ratio but 1 (Retina, phones, Windows at 125%) tools measured wrong and drawings stood off the anatomy. The
 * viewport's pair is wrapped to undo that. Its camera code reads canvasToWorld and converts back with its private
 * pair, so while it reports the camera it keeps the conversion it was written against (its parallel scale is then
 * in its own units: canvas-units.ts `parallelScaleOf`).
 */
function canvasInCssPixels(viewport: Types.IStackViewport): void {
  const toCanvas = viewport.worldToCanvas.bind(viewport);
  const toWorld = viewport.canvasToWorld.bind(viewport);
  const k = (): number => cssPerCornerstoneUnit(viewport);
  // getCameraCPU is private in Cornerstone's types; the instance property set here shadows the class's method.
  const cpu = viewport as unknown as { getCameraCPU(): Types.ICamera };
  const getCameraCPU = cpu.getCameraCPU;
  const getCamera = viewport.getCamera.bind(viewport);
  const asCornerstoneSees = <T>(read: () => T): T => {
    const ours = viewport.canvasToWorld;
    viewport.canvasToWorld = toWorld;
    try {
      return read();
    } finally {
      viewport.canvasToWorld = ours;
    }
  };
  cpu.getCameraCPU = () => asCornerstoneSees(() => getCameraCPU.call(cpu));
  viewport.getCamera = () => asCornerstoneSees(getCamera);
  viewport.worldToCanvas = (world) => {
    const [x, y] = toCanvas(world);
    return [x * k(), y * k()];
  };
  viewport.canvasToWorld = (canvas) => toWorld([canvas[0] / k(), canvas[1] / k()]);
}

/** CSS pixels per unit of Cornerstone's own canvas coordinates: 1 on WebGL, the pixel ratio on a CSS-sized CPU canvas. */
export function cssPerCornerstoneUnit(viewport: Types.IStackViewport): number {
  if (!viewport.getUseCustomRenderingPipeline()) return 1;
  const { canvas } = viewport;
  const backing = canvas.clientWidth > 0 ? canvas.width / canvas.clientWidth : 1;
  return (window.devicePixelRatio || 1) / backing;
}
