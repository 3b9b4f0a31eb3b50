import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import * as edit from '../../case/authoring';
import type { ParsedCase } from '../../case/schema';
import { createAuthorStore } from '../../state/author-store';
import { createLessonStore } from '../../state/lesson-store';
import type { SeriesSource, ViewerSession } from '../../viewer/types';
import { LessonContext } from '../case-page/lesson-context';
import { ViewportGrid } from '../case-page/ViewportGrid';
import { useViewportStatus } from '../viewport-status';
import { AuthorContext } from './author-context';
import { capturedViewports, shownViewportIds } from './capture';
import { discardDraft, localDrafts, readDraft } from './draft-storage';
import { focusedFieldKey } from './typing-merge';
import { useUndoKeys } from './use-undo-keys';
import { useDraftPersistence } from './use-draft-persistence';
import { LessonLengthField } from './LessonLengthField';
import { DraftNotices } from './DraftNotices';
import { AuthorPreview, type PreviewKind } from './AuthorPreview';
import type { PreparedPackage, NarrationFile } from './prepared-package';
import { dropRecording, readRecording } from './draft-recording';
import { AuthorToolbar } from './AuthorToolbar';
import { TranscriptEditor } from './TranscriptEditor';
import { StepsEditor } from './StepsEditor';
import { CaseDetailsEditor } from './CaseDetailsEditor';
import { RevealEditor } from './RevealEditor';
import { VocabularyEditor } from './VocabularyEditor';
import { FindingsEditor } from './FindingsEditor';
import { WhyNotEditor } from './WhyNotEditor';
import { TapToTime } from './TapToTime';
import { ArrowList, ArrowPlacer } from './ArrowEditor';
import { useArrowEditing } from './use-arrow-editing';
import { messages } from '../i18n/messages';
import { useTake } from './record/use-take';
import { TakeBar } from './record/TakeBar';

interface Props {
  lesson: ParsedCase;
  series: Map<string, SeriesSource>;
  seriesErrors: Map<string, string>;
  /** Where the draft is kept: the case id for a library case, the files' identity for local files. */
  draftKey?: string;
  /** Where "← Case" goes. */
  backHref?: string;
  /** The draft a new author starts from, when not the case itself (local files: the ad-hoc case without its words). */
  fresh?: ParsedCase;
  /** Makes the case package (with the DICOM files and the recording) when the page can: local files. */
  preparePackage?: (caseJson: ParsedCase, narration: NarrationFile | undefined) => Promise<PreparedPackage>;
  /** A library case's folder: its files can go to a PACS (presentation states) and an archive (archive/). */
  archiveCaseId?: string;
  /** Said first in the side panel: what made the draft (an archive import's notes). */
  notice?: ReactNode;
}

/**
 * Author mode: the viewer on the left shows the draft as it stands (the selected segment's cue); on the right the
 * transcript, steps and answers are edited. "Capture view" stores what the viewports show as the selected
 * segment's cue; "Place arrow" puts an arrow where the author clicks. Every edit is checked at once, can be
 * undone, and is kept in this browser until exported.
 */
export function AuthorView({ lesson, series, seriesErrors, draftKey = lesson.id, backHref = `#/case/${lesson.id}`, fresh = lesson, preparePackage, archiveCaseId, notice }: Props) {
  const [stored] = useState(() => readDraft(draftKey));
  // A draft on other local files is never restored here; its words may be taken over (DraftNotices).
  const [otherDraft] = useState(() => (stored || !draftKey.startsWith('local.') ? null : (localDrafts().find((d) => d.key !== draftKey) ?? null)));
  const [author] = useState(() => createAuthorStore(lesson, stored?.draft ?? fresh, { mergeKeyOf: focusedFieldKey, unwrittenText: messages.recordedSegments.toWrite }));
  const [player] = useState(() => createLessonStore(author.getState().playable, 0));
  const session = useRef<ViewerSession | null>(null);
  const [restoredAt, setRestoredAt] = useState(stored?.savedAt ?? null);
  const [recording, setRecording] = useState<File | null>(null);
  const [preview, setPreview] = useState<PreviewKind | null>(null);

  useEffect(() => {
    let alive = true;
    void readRecording(draftKey).then((file) => alive && file && setRecording(file));
    return () => {
      alive = false;
    };
  }, [draftKey]);

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

  useDraftPersistence(author, draftKey, fresh);
  useUndoKeys(author);

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
        discardDraft(draftKey);
        void dropRecording(draftKey);
        setRecording(null);
        author.getState().edit(() => fresh);
        setRestoredAt(null);
      },
    }),
    [author, player, fresh, draftKey],
  );

  const arrows = useArrowEditing(author, session, actions.capture);
  const take = useTake(author, player, draftKey, setRecording);

  if (preview) {
    return <AuthorPreview kind={preview} lesson={author.getState().playable} series={series} seriesErrors={seriesErrors} narration={recording} onClose={() => setPreview(null)} />;
  }

  return (
    <AuthorContext.Provider value={author}>
      <LessonContext.Provider value={player}>
        <div className="author">
          <AuthorToolbar
            actions={actions}
            backHref={backHref}
            placing={arrows.placing}
            onPlacing={arrows.setPlacing}
            label={arrows.label}
            onLabel={arrows.setLabel}
            message={arrows.message}
            onPreview={setPreview}
            onRecord={() => take.start(true)}
            recording={take.phase !== 'idle'}
          >
            <TakeBar take={take} />
          </AuthorToolbar>
          <section className="viewer-area author-viewer" aria-label={messages.viewer.area}>
            <ViewportGrid series={series} seriesErrors={seriesErrors} sessionRef={session} />
            <ArrowPlacer editing={arrows} />
          </section>
          <aside className="author-side">
            {notice}
            <DraftNotices
              restoredAt={restoredAt}
              onDiscard={actions.discard}
              otherDraft={otherDraft}
              recording={recording}
              preparePackage={preparePackage}
              archiveCaseId={archiveCaseId}
            />
            <ArrowList editing={arrows} />
            <CaseDetailsEditor />
            <StepsEditor />
            <TranscriptEditor recording={recording} />
            <RevealEditor />
            <FindingsEditor />
            <WhyNotEditor />
            <VocabularyEditor />
            <LessonLengthField />
            <TapToTime draftKey={draftKey} recording={recording} onRecording={setRecording} />
          </aside>
        </div>
      </LessonContext.Provider>
    </AuthorContext.Provider>
  );
}
