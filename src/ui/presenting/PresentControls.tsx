import { useLesson } from '../case-page/lesson-context';
import { consoleHref } from '../route';
import { leaveFullscreen, toggleFullscreen } from './fullscreen';
import { messages } from '../i18n/messages';

const m = messages.presenter;

/**
 * "Present" turns this window into the audience screen (full screen when the browser allows); "Open presenter
 * console" also opens the speaker's second window, in step with this one. `console` false leaves that button out,
 * for a case the second window could not load (one that lives only in this page).
 */
export function PresentControls({ console = true }: { console?: boolean }) {
  const presenting = useLesson((s) => s.presenting);
  const setPresenting = useLesson((s) => s.setPresenting);
  const caseId = useLesson((s) => s.lesson.id);
  const stepIndex = useLesson((s) => s.stepIndex);

  const openConsole = (): void => {
    setPresenting(true);
    // A named window: pressing the button again brings the open console forward instead of a second one.
    const url = `${window.location.pathname}${window.location.search}${consoleHref(caseId, stepIndex + 1)}`;
    window.open(url, `ctv-console-${caseId}`, 'popup=yes,width=1280,height=800');
  };

  return (
    <div className="present-controls">
      {presenting ? (
        <button
          type="button"
          aria-keyshortcuts="Escape"
          onClick={() => {
            setPresenting(false);
            void leaveFullscreen();
          }}
        >
          {m.stopPresenting}
        </button>
      ) : (
        <button
          type="button"
          onClick={() => {
            setPresenting(true);
            void toggleFullscreen();
          }}
        >
          {m.present}
        </button>
      )}
      {console && (
        <button type="button" onClick={openConsole}>
          {m.openConsole}
        </button>
      )}
    </div>
  );
}
