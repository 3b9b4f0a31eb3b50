import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ParsedCase } from '../../case/schema';
import type { SeriesSource, ViewerSession } from '../../viewer/types';
import { QuizPanel } from './quiz/QuizPanel';
import { NotesPanel } from './NotesPanel';
import { usePresentationSync } from '../presenting/use-presentation-sync';
import { usePresentingAddress } from '../presenting/use-presenting-address';
import { PresentControls } from '../presenting/PresentControls';
import { PresentingPanel } from '../presenting/PresentingPanel';
import { BlankScreen } from '../presenting/BlankScreen';
import { CueAnnouncer } from './CueAnnouncer';
import { LessonContext } from './lesson-context';
import { useStepInUrl } from './use-step-in-url';
import { useLessonKeys } from './use-lesson-keys';
import { ViewportGrid } from './ViewportGrid';
import { StepControls } from './StepControls';
import { TranscriptPanel } from './TranscriptPanel';
import { RevealPanel } from './RevealPanel';
import { PlaybackBar } from './PlaybackBar';
import { usePlaybackDriver } from './use-playback-driver';
import { caseBaseUrl } from './load-case';
import { ShortcutSheet } from './ShortcutSheet';
import { HeaderMenu } from './HeaderMenu';
import { useShownTitle } from './use-shown-title';
import { useUnknownMode } from '../unknown-mode';
import { useRecordProgress } from './use-record-progress';
import { openLessonStore } from './open-lesson';
import { RevealAskDialog } from './RevealAskDialog';
import { countRender } from '../render-count';
import { messages } from '../i18n/messages';
import { LessonCaption } from './LessonCaption';
import { useOpeningFocus } from './use-opening-focus';
import './lesson.css';

const m = messages.casePage;

/**
 * The wall clock the lesson runs on. `?clock=N` in the page address (before the #) runs it N times faster, so a
 * browser test can play a whole lesson in seconds; the speed menu stays the learner's own 0.5-2x.
 */
function lessonWallClock(): () => number {
  const factor = Number(new URLSearchParams(window.location.search).get('clock'));
  const scale = Number.isFinite(factor) && factor > 0 && factor <= 100 ? factor : 1;
  return () => performance.now() * scale;
}

interface Props {
  lesson: ParsedCase;
  series: Map<string, SeriesSource>;
  seriesErrors: Map<string, string>;
  initialStep: number;
  /** Local files viewed on the spot: no progress, quiz or notes. */
  adhoc?: boolean;
  /** Shown above the transcript, e.g. the files an ad-hoc case skipped. */
  notice?: ReactNode;
  /** Where the narration file named by the case is; default its case folder on this site. */
  mediaUrl?: (src: string) => string;
  /** Author mode loads the case from this site: off for a case that lives only in this page (a package). */
  authorLink?: boolean;
  /** An author's preview of a draft: as a learner (nothing recorded) or as the audience (presenting at once). */
  preview?: 'learner' | 'audience';
}

export function LessonView({ lesson, series, seriesErrors, initialStep, adhoc = false, notice, mediaUrl, authorLink = true, preview }: Props) {
  countRender('LessonView');
  const [store] = useState(() => openLessonStore(lesson, initialStep, lessonWallClock(), !adhoc && !preview));
  useStepInUrl(store, lesson.id);
  useLessonKeys(store);
  useRecordProgress(store, !adhoc && !preview);
  useEffect(() => {
    if (preview === 'audience') store.getState().startPresenting('start');
  }, [preview, store]);
  const session = useRef<ViewerSession | null>(null);
  usePresentationSync(store, 'audience', session);
  // A preview stays at the author's address: leaving it must land back in author mode.
  usePresentingAddress(store, series, !preview);
  const presenting = useStore(store, (s) => s.presenting);
  // While the lesson plays the transcript gets the room (lesson.css): it is what the learner follows.
  const playing = useStore(store, (s) => s.clock.playing);
  const root = useRef<HTMLDivElement | null>(null);
  const sidePanel = useRef<HTMLElement | null>(null);
  useOpeningFocus(root);
  const media = useRef<HTMLMediaElement | null>(null);
  usePlaybackDriver(store, media);
  const tookOver = useStore(store, (s) => s.tookOver);
  const returnToLesson = useStore(store, (s) => s.returnToLesson);

  const title = useShownTitle(store, lesson, presenting);
  // Author mode shows the whole case (and its id in its address): not a door for an unknown.
  const unknown = useUnknownMode();
  /** A landscape phone folds the side panel to its step controls and one button (responsive.css). */
  const [panelFolded, setPanelFolded] = useState(false);
  const narration = lesson.narration?.src;
  const narrationSrc = narration && (mediaUrl ? mediaUrl(narration) : new URL(narration, caseBaseUrl(lesson.id)).href);
  const credit = lesson.imageCredit && <p className="image-credit">{m.imageCredit(lesson.imageCredit)}</p>;
  useEffect(() => {
    document.title = messages.common.pageTitle(title);
  }, [title]);

  return (
    <LessonContext.Provider value={store}>
      <div ref={root} tabIndex={-1} className={`lesson${presenting ? ' presenting' : ''}${panelFolded ? ' panel-folded' : ''}${playing ? ' playing' : ''}`}>
        <header className="lesson-header">
          {!presenting && (
            <button
              type="button"
              className="skip-link"
              onClick={() => sidePanel.current?.querySelector<HTMLElement>('.play-button, .step-controls button:not(:disabled)')?.focus()}
            >
              {messages.lesson.skipToControls}
            </button>
          )}
          {/* Nothing on a projector leads to the case's title, id or answers. */}
          {!presenting && (
            <a href="#/" className="back-link">
              {m.backToLibrary}
            </a>
          )}
          <h1 title={title}>{title}</h1>
          {lesson.syntheticImages && (
            <p className="synthetic-banner" role="note">
              {m.synthetic}
            </p>
          )}
          <HeaderMenu>
            {!preview && <PresentControls />}
            {!adhoc && !presenting && authorLink && !preview && !unknown && (
              <a className="author-link" href={`#/author/${lesson.id}`}>
                {m.authorMode}
              </a>
            )}
            <ShortcutSheet />
          </HeaderMenu>
        </header>
        <section className="viewer-area" aria-label={messages.viewer.area}>
          <ViewportGrid series={series} seriesErrors={seriesErrors} sessionRef={session} />
          {tookOver && (
            <button type="button" className="return-button" onClick={returnToLesson}>
              {m.returnToLesson}
            </button>
          )}
          <LessonCaption />
        </section>
        <aside className="side-panel" ref={sidePanel}>
          {narrationSrc &&
            (lesson.narration?.kind === 'video' ? (
              <video ref={(el) => void (media.current = el)} src={narrationSrc} className="narration" preload="auto" playsInline />
            ) : (
              <audio ref={(el) => void (media.current = el)} src={narrationSrc} preload="auto" />
            ))}
          <button type="button" className="panel-toggle" onClick={() => setPanelFolded((f) => !f)}>
            {panelFolded ? messages.layout.showPanel : messages.layout.hidePanel}
          </button>
          {presenting ? (
            <PresentingPanel />
          ) : (
            <>
              {notice}
              {!adhoc && <PlaybackBar />}
              <StepControls />
              {/* One scrolling panel on a short screen (responsive.css); the parts scroll each on their own otherwise. */}
              <div className="side-scroll">
                <TranscriptPanel />
                <div className="study">
                  {!adhoc && <QuizPanel />}
                  <RevealPanel />
                  {!adhoc && <NotesPanel />}
                </div>
                {credit}
              </div>
            </>
          )}
          {presenting && credit}
        </aside>
        <CueAnnouncer />
        {!presenting && <RevealAskDialog />}
        <BlankScreen />
      </div>
    </LessonContext.Provider>
  );
}
