import { useViewportStatus } from '../viewport-status';
import { messages } from '../i18n/messages';
import type { ViewChange } from './viewport-keys';

const m = messages.viewer.readout;

/** The viewport whose window or zoom a key changed last, and which of the two. */
export interface KeyedChange {
  viewportId: string;
  change: ViewChange;
  /** Bumped by every key, so the same words said again are heard again. */
  count: number;
}

/**
 * A polite live region that says the window or zoom a key set in the focused viewport, from the viewer's status
 * (so the words follow what is shown, as the corner does; the corner is hidden from screen readers).
 */
export function ViewReadout({ keyed }: { keyed: KeyedChange | null }) {
  const status = useViewportStatus((s) => (keyed ? s.byId[keyed.viewportId] : undefined));
  let text = '';
  if (keyed && status?.state === 'ready') {
    if (keyed.change === 'window' && status.voi) text = m.window(Math.round(status.voi.width), Math.round(status.voi.center));
    if (keyed.change === 'zoom' && status.zoom !== undefined) text = m.zoom(status.zoom);
  }
  return (
    <p className="visually-hidden" role="status">
      {text}
    </p>
  );
}
