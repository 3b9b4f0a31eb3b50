/**
 * The floor the app is measured against (`npm run bench`): the least a page can do to show one image of a series
 * with Cornerstone3D, the same version the app uses, and scroll it with the wheel. One StackViewport, library
 * defaults everywhere (workers, cache, rendering), `wadouri:` imageIds in the manifest's order, the image fetched by
 * Cornerstone itself, and the one tool a learner needs to page through a series (StackScrollTool on the wheel).
 *
 * Address: `?manifest=<url of a series manifest.json>&index=<n>[&w=&h=][&center=&width=][&cpu=1]`. `cpu=1` asks
 * Cornerstone for its CPU renderer instead of WebGL (the bench reports that floor too). It records
 * `window.__bare.firstImage` (performance.now() when image `index` was on screen) and offers `renderOnce()` for
 * the step-change floor. Nothing here is part of the app.
 */
import { Enums, init as initCore, RenderingEngine, setUseCPURendering, type Types } from '@cornerstonejs/core';
import { init as initLoader } from '@cornerstonejs/dicom-image-loader';
import { addTool, Enums as ToolEnums, init as initTools, StackScrollTool, ToolGroupManager } from '@cornerstonejs/tools';

interface BareState {
  firstImage?: number;
  imageCount?: number;
  error?: string;
  /**
   * Zooms a little and renders once: milliseconds from the request to the image on screen. The least a cue
   * change can cost on this machine (the app's step change is compared with it).
   */
  renderOnce(): Promise<number>;
}

const state: BareState = { renderOnce: () => Promise.resolve(NaN) };
(window as unknown as { __bare: BareState }).__bare = state;

/** Resolves after the element's next IMAGE_RENDERED and one more frame: the same "on screen" as the app's. */
function nextRender(element: HTMLElement): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      element.removeEventListener(Enums.Events.IMAGE_RENDERED, done);
      requestAnimationFrame(() => resolve());
    };
    element.addEventListener(Enums.Events.IMAGE_RENDERED, done);
  });
}

async function main(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const manifestUrl = new URL(params.get('manifest') ?? '', window.location.href);
  const index = Number(params.get('index') ?? 0);
  const element = document.getElementById('viewport') as HTMLDivElement;
  const w = params.get('w');
  const h = params.get('h');
  if (w && h) Object.assign(element.style, { width: `${w}px`, height: `${h}px` });

  // Start the list download before the library starts; both are needed and neither waits for the other.
  const listing = fetch(manifestUrl).then((r) => r.json() as Promise<{ files: string[] }>);
  await initCore();
  if (params.get('cpu') === '1') setUseCPURendering(true);
  initLoader();
  initTools();
  addTool(StackScrollTool);
  const { files } = await listing;
  const imageIds = files.map((f) => `wadouri:${new URL(f, manifestUrl).href}`);
  state.imageCount = imageIds.length;

  const engine = new RenderingEngine('bare');
  engine.enableElement({ viewportId: 'stack', type: Enums.ViewportType.STACK, element });
  const viewport = engine.getViewport('stack') as Types.IStackViewport;
  const tools = ToolGroupManager.createToolGroup('bare-tools');
  tools?.addTool(StackScrollTool.toolName);
  tools?.setToolActive(StackScrollTool.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Wheel }] });
  tools?.addViewport('stack', 'bare');
  const drawn = nextRender(element);
  await viewport.setStack(imageIds, index);
  const center = params.get('center');
  const width = params.get('width');
  if (center && width) {
    const c = Number(center);
    const wv = Number(width);
    viewport.setProperties({ voiRange: { lower: c - wv / 2, upper: c + wv / 2 } });
  }
  viewport.render();
  await drawn;
  state.firstImage = performance.now();
  let zoomIn = true;
  state.renderOnce = async () => {
    const t0 = performance.now();
    const drawn = nextRender(element);
    const { parallelScale = 1 } = viewport.getCamera();
    viewport.setCamera({ parallelScale: parallelScale * (zoomIn ? 0.98 : 1 / 0.98) });
    zoomIn = !zoomIn;
    viewport.render();
    await drawn;
    return performance.now() - t0;
  };
}

main().catch((e: unknown) => {
  state.error = e instanceof Error ? e.message : String(e);
  console.error(e);
});
