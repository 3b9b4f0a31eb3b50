/**
 * One-time start-up of Cornerstone for the whole page. Sessions come and go (a case page is left and reopened);
 * the libraries are initialised once, in the order they need: core, then the DICOM image loader (which registers
 * its image loaders and decode worker with core), then tools (which hook into core's events).
 */
import { cache, init as initCore } from '@cornerstonejs/core';
import { init as initLoader } from '@cornerstonejs/dicom-image-loader';
import {
  addTool,
  init as initTools,
  LengthTool,
  ProbeTool,
  PanTool,
  StackScrollTool,
  WindowLevelTool,
} from '@cornerstonejs/tools';
import { CueArrowTool } from './cue-arrow-tool';
import { PacsZoomTool } from './pacs-zoom-tool';
import { registerCaseFileLoader } from './case-file-loader';
import { decodeWorkerCount, imageCacheBytes } from './machine-limits';
import { quietAnnouncedLoadRejections } from './quiet-load-rejections';
import { installCheckedLoaders } from './checked-loader';

let started: Promise<void> | null = null;

/** Initialises Cornerstone once; later calls return the same promise. */
export function ensureEngine(): Promise<void> {
  started ??= start().catch((e: unknown) => {
    // Let a later call try again (e.g. after the page regains a WebGL context) instead of caching the failure.
    started = null;
    throw e;
  });
  return started;
}

async function start(): Promise<void> {
  // init() detects WebGL itself and falls back to CPU rendering when there is none. Each rendering engine opens
  // webGlContextCount WebGL contexts (7 by default) and browsers keep about 16 alive: a case page has at most 4
  // small viewports, and a page left and reopened a few times must not push out the live contexts.
  initCore({ rendering: { webGlContextCount: 2 }, debug: {} });
  initLoader({ maxWebWorkers: decodeWorkerCount(navigator.hardwareConcurrency) });
  registerCaseFileLoader();
  const { deviceMemory } = navigator as Navigator & { deviceMemory?: number };
  cache.setMaxCacheSize(imageCacheBytes(deviceMemory, new URLSearchParams(window.location.search).get('imageCacheMB')));
  // Every decoded image is checked for size and decoding has a time limit (checked-loader.ts).
  installCheckedLoaders();
  initTools();
  quietAnnouncedLoadRejections();
  for (const tool of [WindowLevelTool, PacsZoomTool, PanTool, StackScrollTool, CueArrowTool, LengthTool, ProbeTool]) addTool(tool);
}
