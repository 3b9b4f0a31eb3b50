import { useEffect, useRef, useState } from 'react';
import { SHORTCUTS, shortcutFor, type Shortcut } from '../shortcuts';
import { ignoredKey } from './use-lesson-keys';
import { messages } from '../i18n/messages';
import { GestureRows } from './GestureRows';

const m = messages.shortcuts;
const SCOPES: ReadonlyArray<Shortcut['scope']> = ['lesson', 'viewport'];

/**
 * The keyboard shortcut sheet: `?` (or its button) opens a modal dialog listing every binding of the shortcut
 * table, then the mouse and touch gestures of the viewer's gesture table; Escape closes it (the browser's own dialog behaviour) and focus goes back where it was.
 */
export function ShortcutSheet() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (ignoredKey(e) || shortcutFor(e.key, 'lesson', e)?.action !== 'show-shortcuts') return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const el = dialog.current;
    if (open && el && !el.open) el.showModal();
  }, [open]);

  return (
    <>
      <button type="button" className="subtle shortcuts-button" onClick={() => setOpen(true)} aria-keyshortcuts="?">
        {m.button}
      </button>
      {open && (
        <dialog ref={dialog} className="shortcut-sheet" aria-labelledby="shortcut-sheet-title" onClose={() => setOpen(false)}>
          <h2 id="shortcut-sheet-title">{m.heading}</h2>
          {SCOPES.map((scope) => (
            <section key={scope} aria-label={m.scopes[scope]}>
              <h3>{m.scopes[scope]}</h3>
              <dl>
                {SHORTCUTS.filter((s) => s.scope === scope).map((s) => (
                  <div key={`${s.scope}-${s.action}-${s.label}`} className="shortcut-row">
                    <dt>
                      <kbd>{s.label}</kbd>
                    </dt>
                    <dd>{s.description}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <GestureRows />
          <form method="dialog">
            <button type="submit">{m.close}</button>
          </form>
        </dialog>
      )}
    </>
  );
}
