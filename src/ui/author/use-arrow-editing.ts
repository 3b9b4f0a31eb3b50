/**
 * Author mode's arrows: placing one where the author clicks (then its tail), keeping the viewer's drawing equal to
 * the draft's arrows at every edit, undo and redo (even while the draft has problems, when the player keeps the
 * last valid case), and turning the mouse's picks and drags and the Delete key into undoable edits.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import * as edit from '../../case/authoring';
import { defaultTail } from '../../case/arrow-geometry';
import type { Arrow, Cue } from '../../case/schema';
import type { AuthorStore } from '../../state/author-store';
import type { ArrowEditor, ViewerSession } from '../../viewer/types';
import { useViewportStatus } from '../viewport-status';
import { typingInto } from '../case-page/use-lesson-keys';
import { messages } from '../i18n/messages';

const m = messages.author.placer;

/** An arrow of the cue in force: the cue's segment, its viewport, its place in that viewport's list. */
export interface ArrowRef {
  cueAt: string;
  viewportId: string;
  index: number;
}

export interface ArrowEditing {
  placing: boolean;
  setPlacing(on: boolean): void;
  label: string;
  setLabel(label: string): void;
  message: string | null;
  setMessage(message: string | null): void;
  /** Waiting for the click that sets the new arrow's tail. */
  awaitingTail: boolean;
  placeArrow(viewportId: string, clientX: number, clientY: number): string | null;
  placeTail(clientX: number, clientY: number): string | null;
  selected: ArrowRef | null;
  select(ref: ArrowRef | null): void;
  relabel(ref: ArrowRef, label: string): void;
  remove(ref: ArrowRef): void;
}

/** The draft's edit with the lead's optional merge key: typing into one label is one undo step where supported. */
type Edit = (change: (d: edit.Draft) => edit.Draft, mergeKey?: string) => void;

const sameRef = (a: ArrowRef | null, b: ArrowRef | null): boolean =>
  a === b || (a !== null && b !== null && a.cueAt === b.cueAt && a.viewportId === b.viewportId && a.index === b.index);

export function useArrowEditing(author: AuthorStore, session: RefObject<ViewerSession | null>, capture: () => void): ArrowEditing {
  const [placing, setPlacing] = useState(false);
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  /** The arrow just placed, whose tail the next click sets (Escape keeps the default tail). */
  const [tailFor, setTailFor] = useState<ArrowRef | null>(null);
  const [selected, setSelected] = useState<ArrowRef | null>(null);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  const cue = useCallback((): Cue | undefined => {
    const s = author.getState();
    return s.selectedSegment ? edit.cueInForce(s.draft, s.selectedSegment) : undefined;
  }, [author]);

  const synced = useRef<{ session: ViewerSession | null; byViewport: Map<string, string> }>({ session: null, byViewport: new Map() });
  const editorRef = useRef<ArrowEditor>({
    select: (viewportId, index) => {
      const at = cue()?.at;
      setSelected(index === null || !at ? null : { cueAt: at, viewportId, index });
    },
    change: (viewportId, index, arrow) => {
      const at = cue()?.at;
      if (at) author.getState().edit((d) => edit.updateArrow(d, at, viewportId, index, arrow));
    },
  });

  // The viewer draws what the draft says: after every edit, undo, redo, pick, and once the session exists.
  const sync = useRef<() => void>(() => undefined);
  sync.current = () => {
    const viewer = session.current;
    if (!viewer) return;
    const now = cue();
    const sent = synced.current;
    if (sent.session !== viewer) {
      viewer.setArrowEditor(editorRef.current);
      sent.session = viewer;
      sent.byViewport.clear();
    }
    const pick = selectedRef.current;
    const wanted = new Map<string, string>();
    for (const [viewportId, vp] of Object.entries(now?.viewports ?? {})) {
      const index = pick && pick.cueAt === now?.at && pick.viewportId === viewportId && pick.index < vp.arrows.length ? pick.index : null;
      const key = JSON.stringify([vp.arrows, index]);
      wanted.set(viewportId, key);
      if (sent.byViewport.get(viewportId) !== key) viewer.showArrows(viewportId, vp.arrows, index);
    }
    for (const viewportId of sent.byViewport.keys()) if (!wanted.has(viewportId)) viewer.showArrows(viewportId, null, null);
    sent.byViewport = wanted;
  };
  useEffect(() => {
    const run = (): void => sync.current();
    run();
    const offAuthor = author.subscribe((s, prev) => {
      if (s.selectedSegment !== prev.selectedSegment) {
        setSelected(null);
        setTailFor(null);
      }
      if (s.draft !== prev.draft || s.selectedSegment !== prev.selectedSegment) run();
    });
    // The session appears (and its viewports report) after this view mounts.
    const offStatus = useViewportStatus.subscribe(run);
    return () => {
      offAuthor();
      offStatus();
      session.current?.setArrowEditor(null);
      synced.current = { session: null, byViewport: new Map() };
    };
  }, [author, session]);

  useEffect(() => sync.current(), [selected]);

  const remove = useCallback(
    (ref: ArrowRef): void => {
      author.getState().edit((d) => edit.removeArrow(d, ref.cueAt, ref.viewportId, ref.index));
      setSelected(null);
    },
    [author],
  );

  // Delete (or Backspace) removes the picked arrow; Escape unpicks it, or keeps the default tail of a new one.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (typingInto(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const pick = selectedRef.current;
      if ((e.key === 'Delete' || e.key === 'Backspace') && pick) {
        e.preventDefault();
        remove(pick);
      } else if (e.key === 'Escape') {
        setTailFor(null);
        setSelected(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [remove]);

  const placeArrow = (viewportId: string, clientX: number, clientY: number): string | null => {
    const point = session.current?.imagePointAt(viewportId, clientX, clientY) ?? null;
    const id = author.getState().selectedSegment;
    if (!point || !id) return m.notOnImage;
    if (!author.getState().draft.cues.some((c) => c.at === id && c.viewports[viewportId])) capture();
    const vp = author.getState().draft.cues.find((c) => c.at === id)?.viewports[viewportId];
    if (!vp) return m.notOnImage;
    const facts = author.getState().facts.get(vp.series);
    const shownImage = useViewportStatus.getState().byId[viewportId]?.imageIndex;
    const arrow: Arrow = {
      tip: point,
      label,
      // Drawn where it was placed: on the image shown, when the author scrolled away from the cue's.
      ...(shownImage !== undefined && shownImage !== vp.imageIndex ? { imageIndex: shownImage } : {}),
      ...(facts ? { tail: defaultTail(point, facts.columns, facts.rows) } : {}),
    };
    author.getState().edit((d) => edit.addArrow(d, id, viewportId, arrow));
    const ref = { cueAt: id, viewportId, index: vp.arrows.length };
    setTailFor(ref);
    setSelected(ref);
    return null;
  };

  const placeTail = (clientX: number, clientY: number): string | null => {
    const target = tailFor;
    if (!target) return null;
    const point = session.current?.imagePointAt(target.viewportId, clientX, clientY) ?? null;
    if (!point) return m.tailNotOnImage;
    author.getState().edit((d) => edit.setArrowTail(d, target.cueAt, target.viewportId, target.index, point));
    setTailFor(null);
    return null;
  };

  const relabel = (ref: ArrowRef, text: string): void => {
    const change: Edit = author.getState().edit;
    change((d) => edit.updateArrow(d, ref.cueAt, ref.viewportId, ref.index, { label: text }), `arrow-label:${ref.cueAt}:${ref.viewportId}:${ref.index}`);
  };

  return {
    placing,
    setPlacing,
    label,
    setLabel,
    message,
    setMessage,
    awaitingTail: tailFor !== null,
    placeArrow,
    placeTail,
    selected,
    select: (ref) => setSelected((prev) => (sameRef(prev, ref) ? prev : ref)),
    relabel,
    remove,
  };
}
