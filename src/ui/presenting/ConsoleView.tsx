import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ParsedCase } from '../../case/schema';
import { createLessonStore } from '../../state/lesson-store';
import type { SeriesSource, ViewerSession } from '../../viewer/types';
import { LessonContext } from '../case-page/lesson-context';
import { useLessonKeys } from '../case-page/use-lesson-keys';
import { ViewportGrid } from '../case-page/ViewportGrid';
import { StepControls } from '../case-page/StepControls';
import { CueControls } from './CueControls';
import { ConsoleReveal } from './ConsoleReveal';
import { usePresentationSync } from './use-presentation-sync';
import { PresenterTimer } from './PresenterTimer';
import { NextStepPreview } from './NextStepPreview';
import { ConsoleScript } from './ConsoleScript';
import { messages } from '../i18n/messages';
import './presenting.css';

const m = messages.presenter.console;

interface Props {
  lesson: ParsedCase;
  series: Map<string, SeriesSource>;
  seriesErrors: Map<string, string>;
  initialStep: number;
}

/**
 * The presenter console: a second window on the speaker's own screen with the same viewer, the script and notes,
 * a timer and what comes next. It drives the audience window (step, reveal, blank, and the presenter's scrolling
 * and windowing); either window can be closed and the other goes on alone.
 */
export function ConsoleView({ lesson, series, seriesErrors, initialStep }: Props) {
  const [store] = useState(() => {
    const s = createLessonStore(lesson, initialStep);
    s.getState().setPresenting(true);
    return s;
  });
  useLessonKeys(store, { console: true });
  const session = useRef<ViewerSession | null>(null);
  const { connected, send, audienceAnswers } = usePresentationSync(store, 'console', session);
  const blanked = useStore(store, (s) => s.blanked);
  const tookOver = useStore(store, (s) => s.tookOver);

  useEffect(() => {
    document.title = messages.common.pageTitle(m.heading);
  }, []);

  const s = store.getState();
  return (
    <LessonContext.Provider value={store}>
      <div className="console">
        <header className="console-header">
          <h1>{m.heading}</h1>
          <span className="console-case">{lesson.title}</span>
          <PresenterTimer />
          <p className={`console-link ${connected ? 'on' : 'off'}`} role="status">
            {connected ? m.audienceConnected : m.audienceNotConnected}
          </p>
          <button type="button" aria-pressed={blanked} aria-keyshortcuts="B" onClick={() => s.setBlanked(!store.getState().blanked)}>
            {blanked ? m.unblank : m.blank}
          </button>
        </header>
        <section className="viewer-area console-viewer" aria-label={messages.viewer.area}>
          <ViewportGrid series={series} seriesErrors={seriesErrors} sessionRef={session} />
          {tookOver && (
            <button type="button" className="return-button" onClick={() => store.getState().returnToLesson()}>
              {messages.casePage.returnToLesson}
            </button>
          )}
        </section>
        <aside className="side-panel console-side">
          <StepControls />
          <CueControls />
          <ConsoleScript />
          <ConsoleReveal audience={audienceAnswers} onScroll={(direction) => send({ kind: 'scroll-answers', from: 'console', direction })} />
          <NextStepPreview series={series} />
        </aside>
      </div>
    </LessonContext.Provider>
  );
}
