import { useEffect, useRef, useState } from 'react';
import { readProgress, updateCaseProgress } from '../progress-storage';
import { useLesson } from './lesson-context';
import { messages } from '../i18n/messages';

const m = messages.casePage.notes;

const SAVE_AFTER_MS = 400;

/**
 * The learner's own notes on the case, kept with their progress (and so exported with it). Saved shortly after
 * typing stops, and at once when the field loses focus or the page is hidden, so a reload or a closed tab loses
 * nothing.
 */
export function NotesPanel() {
  const caseId = useLesson((s) => s.lesson.id);
  const [text, setText] = useState(() => readProgress()[caseId]?.notes ?? '');
  const pending = useRef<string | null>(null);
  const flushRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    const flush = (): void => {
      const value = pending.current;
      if (value === null) return;
      pending.current = null;
      updateCaseProgress(caseId, (p) => (p.notes === value ? p : { ...p, notes: value, updatedAt: new Date().toISOString() }));
    };
    flushRef.current = flush;
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush(); // leaving the case page
    };
  }, [caseId]);

  useEffect(() => {
    if (pending.current === null) return;
    const timer = window.setTimeout(() => flushRef.current(), SAVE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  return (
    <section className="notes" aria-label={m.region}>
      <h2>
        <label htmlFor="case-notes">{m.label}</label>
      </h2>
      <textarea
        id="case-notes"
        rows={3}
        value={text}
        placeholder={m.placeholder}
        onChange={(e) => {
          pending.current = e.target.value;
          setText(e.target.value);
        }}
        onBlur={() => flushRef.current()}
      />
    </section>
  );
}
