import { useEffect, useRef, useState } from 'react';
import { useLesson } from '../case-page/lesson-context';
import { consoleAddress, presentHref } from '../route';
import { currentPresentSession } from './present-session';
import { leaveFullscreen, toggleFullscreen } from './fullscreen';
import { messages } from '../i18n/messages';

const m = messages.presenter;

type Start = 'start' | 'here';

/** Opens (or brings forward: a named window) the speaker's console of this presentation. */
function openConsoleWindow(caseId: string, stepIndex: number): void {
  const session = currentPresentSession();
  const hash = session ? presentHref(session.id, true) : consoleAddress(caseId, stepIndex + 1);
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.open(url, `ctv-console-${session?.id ?? caseId}`, 'popup=yes,width=1280,height=800');
}

/** The two ways to start, first the one that gives nothing away. */
function StartMenu({ onStart, onClose }: { onStart: (from: Start) => void; onClose: () => void }) {
  const menu = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    menu.current?.querySelector('button')?.focus();
    // A press anywhere else closes it (the button that opened it toggles it itself).
    const outside = (e: PointerEvent): void => {
      if (!(e.target instanceof Node && menu.current?.parentElement?.contains(e.target))) close.current();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, []);
  return (
    <div
      ref={menu}
      className="present-menu"
      role="group"
      aria-label={m.startMenu}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <button type="button" onClick={() => onStart('start')}>
        {m.fromStart}
      </button>
      <button type="button" onClick={() => onStart('here')}>
        {m.fromHere}
      </button>
    </div>
  );
}

/**
 * "Present" turns this window into the audience screen (full screen when the browser allows); "Open presenter
 * console" also opens the speaker's second window, in step with this one. Either first asks where to start: from
 * the start or from this step, always with the answers hidden, whatever a rehearsal here revealed.
 */
export function PresentControls() {
  const presenting = useLesson((s) => s.presenting);
  const setPresenting = useLesson((s) => s.setPresenting);
  const startPresenting = useLesson((s) => s.startPresenting);
  const caseId = useLesson((s) => s.lesson.id);
  const stepIndex = useLesson((s) => s.stepIndex);
  const [menu, setMenu] = useState<null | 'present' | 'console'>(null);

  const start = (from: Start): void => {
    const withConsole = menu === 'console';
    setMenu(null);
    startPresenting(from);
    if (withConsole) openConsoleWindow(caseId, from === 'start' ? 0 : stepIndex);
    else void toggleFullscreen();
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
        <span className="present-menu-anchor">
          <button type="button" aria-expanded={menu === 'present'} onClick={() => setMenu(menu === 'present' ? null : 'present')}>
            {m.present}
          </button>
          {menu === 'present' && <StartMenu onStart={start} onClose={() => setMenu(null)} />}
        </span>
      )}
      <span className="present-menu-anchor">
        <button
          type="button"
          aria-expanded={presenting ? undefined : menu === 'console'}
          onClick={() => (presenting ? openConsoleWindow(caseId, stepIndex) : setMenu(menu === 'console' ? null : 'console'))}
        >
          {m.openConsole}
        </button>
        {menu === 'console' && !presenting && <StartMenu onStart={start} onClose={() => setMenu(null)} />}
      </span>
    </div>
  );
}
