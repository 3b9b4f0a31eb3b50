/** Window/level values as the viewer reports them: Cornerstone's VOI range turned into centre and width. */
import { utilities, type Types } from '@cornerstonejs/core';

/** Three decimals: enough for any window, and stable against floating-point noise in status comparisons. */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function toWindow(range: Types.VOIRange): { center: number; width: number } {
  const { windowCenter, windowWidth } = utilities.windowLevel.toWindowLevel(range.lower, range.upper);
  return { center: round(windowCenter), width: round(windowWidth) };
}
