/**
 * The window a cue without one shows, for its presentation state: as the viewer does, the middle image's header
 * window checked against that image's pixels. The rule itself (`viewer/window-level.ts`, pure) is passed in, since
 * this layer does not import the viewer's; compressed or colour images give no window (the state then has none,
 * and a PACS shows its own default, as the viewer would).
 */
import type { WindowLevel } from '../../case/presets';
import type { CaseFileReader } from '../case-files';
import { decodeGreyImage } from '../grey-pixels';
import type { DicomHeader } from '../header';
import type { SeriesDefaultWindow } from './write-views';

export type WindowRule = (headerWindow: WindowLevel | undefined, values: Float32Array) => WindowLevel;

export function middleImageWindow(reader: CaseFileReader, rule: WindowRule): SeriesDefaultWindow {
  return async (_key: string, headers: readonly DicomHeader[]) => {
    const middle = headers[headers.length >> 1];
    if (!middle) return undefined;
    try {
      const image = decodeGreyImage(await reader.readBytes(middle.fileName));
      return rule(image.headerWindow, image.values);
    } catch {
      return undefined;
    }
  };
}
