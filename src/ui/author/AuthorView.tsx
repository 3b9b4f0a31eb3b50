import { useEffect, useMemo, useRef, useState } from 'react';
import * as edit from '../../case/authoring';
import type { ParsedCase } from '../../case/schema';
import { createAuthorStore } from '../../state/author-store';
import { createLessonStore } from '../../state/lesson-store';
import type { SeriesSource, ViewerSession } from '../../viewer/types';
import { LessonContext } from '../case-page/lesson-context';
import { ViewportGrid } from '../case-page/ViewportGrid';
import { typingInto } from '../case-page/use-lesson-keys';
import { useViewportStatus } from '../viewport-status';
import { AuthorContext } from './author-context';
import { capturedViewports, shownViewportIds } from './capture';
import { discardDraft, readDraft, saveDraft } from './draft-storage';
import { AuthorToolbar } from './AuthorToolbar';
import { TranscriptEditor } from './TranscriptEditor';
import { StepsEditor } from './StepsEditor';
import { CaseDetailsEditor } from './CaseDetailsEditor';
import { RevealEditor } from './RevealEditor';
import { TapToTime } from './TapToTime';
import { ArrowList, ArrowPlacer } from './ArrowEditor';
import { useArrowEditing } from './use-arrow-editing';
import { messages } from '../i18n/messages';

interface Props {
  lesson: ParsedCase;
  series: Map<string, SeriesSource>;
  seriesErrors: Map<string, string>;
  /** What the case is exported with besides case.json (a package with the DICOM files), when the page can. */
  exportPackage?: (caseJson: ParsedCase) => Promise<void>;
}

/**
 * Author mode: the viewer on the left shows the draft as it stands (the selected segment's cue); on the right the
 * transcript, steps and answers are edited. "Capture view" stores what the viewports show as the selected
 * segment's cue; "Place arrow" puts an arrow where the author clicks. Every edit is checked at once, can be
 * undone, and is kept in this browser until exported.
 */
export function AuthorView({ lesson, series, seriesErrors, exportPackage }: Props) {
  const [stored] = useState(() => readDraft(lesson.id));
  const [author] = useState(() => createAuthorStore(lesson, stored?.draft ?? lesson));
  const [player] = useState(() => createLessonStore(author.getState().playable, 0));
  const session = useRef<ViewerSession | null>(null);
  const [restoredAt, setRestoredAt] = useState(stored?.savedAt ?? null);

  // The player follows the draft, and shows the segment being edited.
  useEffect(
    () =>
      author.subscribe((s, prev) => {
        // Arrows alone are drawn by the arrow editor (use-arrow-editing.ts) without reframing the author's view.
        if (s.playable !== prev.playable && !edit.differsOnlyInArrows(s.playable, player.getState().lesson)) player.getState().replaceLesson(s.playable);
        if (s.selectedSegment !== prev.selectedSegment || s.playable !== prev.playable) {
          const i = player.getState().timeline.segments.findIndex((seg) => seg.id === s.selectedSegment);
          if (i >= 0 && i !== player.getState().segmentIndex) player.getState().goToSegment(i);
        }
      }),
    [author, player],
  );

  // Image indices and arrow points are checked against the series as the viewer opens them (as cases:check does
  // against the files): a viewport's report is when a series, or its first file, has arrived.
  useEffect(
    () =>
      useViewportStatus.subscribe(() => {
        const facts = session.current?.seriesFacts();
        if (facts) author.getState().setFacts(facts);
      }),
    [author],
  );

  // Nothing a user made is lost: the draft is saved shortly after each change.
  useEffect(() => {
    let timer = 0;
    const unsubscribe = author.subscribe((s, prev) => {
      if (s.draft === prev.draft) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => saveDraft(lesson.id, s.draft), 300);
    });
    const now = (): void => {
      window.clearTimeout(timer);
      // Only work done: opening author mode and leaving leaves nothing behind.
      if (author.getState().draft !== lesson) saveDraft(lesson.id, author.getState().draft);
    };
    // A reload or a closed tab does not unmount React: save on the way out too.
    window.addEventListener('pagehide', now);
    return () => {
      now();
      window.removeEventListener('pagehide', now);
      unsubscribe();
    };
  }, [author, lesson.id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || typingInto(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) author.getState().undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') author.getState().redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [author]);

  const actions = useMemo(
    () => ({
      capture: (): void => {
        const s = author.getState();
        const id = s.selectedSegment;
        if (!id) return;
        const previous = s.draft.cues.find((c) => c.at === id);
        const viewports = capturedViewports(shownViewportIds(), useViewportStatus.getState().byId, previous);
        if (Object.keys(viewports).length > 0) s.edit((d) => edit.setCue(d, id, viewports, previous?.links ?? []));
      },
      showCue: (): void => player.getState().returnToLesson(),
      discard: (): void => {
        discardDraft(lesson.id);
        author.getState().edit(() => lesson);
        setRestoredAt(null);
      },
    }),
    [author, player, lesson],
  );

  const arrows = useArrowEditing(author, session, actions.capture);

  return (
    <AuthorContext.Provider value={author}>
      <LessonContext.Provider value={player}>
        <div className="author">
          <AuthorToolbar
            actions={actions}
            restoredAt={restoredAt}
            exportPackage={exportPackage}
            placing={arrows.placing}
            onPlacing={arrows.setPlacing}
            label={arrows.label}
            onLabel={arrows.setLabel}
            message={arrows.message}
          />
          <section className="viewer-area author-viewer" aria-label={messages.viewer.area}>
            <ViewportGrid series={series} seriesErrors={seriesErrors} sessionRef={session} />
            <ArrowPlacer editing={arrows} />
          </section>
          <aside className="author-side">
            <ArrowList editing={arrows} />
            <CaseDetailsEditor />
            <StepsEditor />
            <TranscriptEditor />
            <RevealEditor />
            <TapToTime />
          </aside>
        </div>
      </LessonContext.Provider>
    </AuthorContext.Provider>
  );
}
