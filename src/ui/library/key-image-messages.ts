/** What the library page asks the key-image worker, and its answer. */
import type { WindowLevel } from '../../case/presets';
import type { CardPicture } from './key-image-render';

export interface KeyImageRequest {
  id: number;
  /** Absolute URLs: the key image's file, and the series' middle file when the window is the series default. */
  file: string;
  middle?: string;
  window?: WindowLevel;
  /** The card picture's longest side, in device pixels. */
  maxSide: number;
}

export type KeyImageReply = { id: number; ok: true; picture: CardPicture } | { id: number; ok: false; reason: string };
