import * as edit from '../../case/authoring';
import { useAuthor } from './author-context';
import type { ArrowEditing, ArrowRef } from './use-arrow-editing';
import { messages } from '../i18n/messages';

const placer = messages.author.placer;
const m = messages.authorArrows;

/** The frame (role="img", data-viewport) under a point of the page, if any. */
function viewportAt(clientX: number, clientY: number): string | undefined {
  const under = document.elementsFromPoint(clientX, clientY);
  const frame = under.find((el): el is HTMLElement => el instanceof HTMLElement && el.matches('[role="img"][data-viewport]'));
  return frame?.dataset.viewport;
}

/**
 * The click layers over the viewer while an arrow is being placed: first its tip, then where it starts. Pointer
 * layers, no widgets: their instructions are visible text, read out as a status.
 */
export function ArrowPlacer({ editing }: { editing: ArrowEditing }) {
  if (editing.placing) {
    return (
      <div
        className="arrow-placer"
        onClick={(e) => {
          const viewportId = viewportAt(e.clientX, e.clientY);
          const problem = viewportId ? editing.placeArrow(viewportId, e.clientX, e.clientY) : placer.notOnImage;
          editing.setMessage(problem);
          if (!problem) editing.setPlacing(false);
        }}
      >
        <p className="placer-hint" role="status">
          {placer.placeHint}
        </p>
      </div>
    );
  }
  if (!editing.awaitingTail) return null;
  return (
    <div className="arrow-placer" onClick={(e) => editing.setMessage(editing.placeTail(e.clientX, e.clientY))}>
      <p className="placer-hint" role="status">
        {placer.tailHint}
      </p>
    </div>
  );
}

/** The selected segment's arrows (those of the view in force), to relabel or delete; a pick here is a pick on the image. */
export function ArrowList({ editing }: { editing: ArrowEditing }) {
  const segment = useAuthor((s) => s.selectedSegment);
  const cue = useAuthor((s) => (s.selectedSegment ? edit.cueInForce(s.draft, s.selectedSegment) : undefined));
  const cueSegment = useAuthor((s) => s.draft.transcript.findIndex((seg) => seg.id === cue?.at));
  const rows: (ArrowRef & { text: string; image?: number })[] = [];
  for (const [viewportId, vp] of Object.entries(cue?.viewports ?? {})) {
    vp.arrows.forEach((a, index) => rows.push({ cueAt: cue?.at ?? '', viewportId, index, text: a.label, image: a.imageIndex }));
  }
  const picked = (r: ArrowRef): boolean =>
    editing.selected?.cueAt === r.cueAt && editing.selected.viewportId === r.viewportId && editing.selected.index === r.index;
  return (
    <section className="author-section author-arrows" aria-label={m.region}>
      <h2>{m.heading}</h2>
      {cue && cue.at !== segment && rows.length > 0 && <p className="muted">{m.inherited(cueSegment + 1)}</p>}
      {rows.length === 0 ? (
        <p className="muted">{m.none}</p>
      ) : (
        <>
          <ol className="author-arrow-list">
            {rows.map((r, n) => (
              <li key={`${r.viewportId}-${r.index}`} className={picked(r) ? 'selected' : undefined} aria-current={picked(r) || undefined}>
                <label>
                  <span>
                    {m.item(n + 1, r.viewportId)}
                    {r.image !== undefined && m.onImage(r.image + 1)}
                  </span>
                  <input
                    aria-label={m.label(n + 1)}
                    value={r.text}
                    onFocus={() => editing.select(r)}
                    onChange={(e) => editing.relabel(r, e.target.value)}
                  />
                </label>
                <button type="button" aria-label={m.removeNamed(n + 1)} onClick={() => editing.remove(r)}>
                  {m.remove}
                </button>
              </li>
            ))}
          </ol>
          <p className="muted">{m.hint}</p>
        </>
      )}
    </section>
  );
}
