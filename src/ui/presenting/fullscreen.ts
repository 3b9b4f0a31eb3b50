/**
 * The Fullscreen API with its refusals treated as answers, not errors: a browser may refuse (no user gesture,
 * a sandboxed frame, a headless test), and the page then simply stays in its window.
 */
export async function toggleFullscreen(): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen({ navigationUI: 'hide' });
  } catch {
    // refused: nothing to undo
  }
}

export async function leaveFullscreen(): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
  } catch {
    // already out, or refused
  }
}
