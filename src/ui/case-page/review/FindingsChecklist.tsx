import { useId, useState } from 'react';
import { findingsNamed } from '../../../case/review';
import { useLesson } from '../lesson-context';
import { readTicks, saveTicks, type Ticks } from './checklist-ticks';
import { messages } from '../../i18n/messages';

const m = messages.caseReview.findings;

/**
 * After the reveal: the case's findings as a checklist. Items the learner's committed findings named start
 * ticked; the learner ticks the rest they had (or unticks a wrong guess), and sees what they missed, each item
 * with a way to its step.
 */
export function FindingsChecklist({ writtenFindings }: { writtenFindings: string }) {
  const lesson = useLesson((s) => s.lesson);
  const goToStep = useLesson((s) => s.goToStep);
  const [ticks, setTicks] = useState<Ticks>(() => readTicks(lesson.id));
  const idBase = useId();
  if (lesson.findings.length === 0) return null;
  const named = findingsNamed(lesson, writtenFindings);
  const had = lesson.findings.map((item, i) => ticks[item.text] ?? named[i] === true);
  const missed = lesson.findings.filter((_, i) => !had[i]);
  const stepNumber = (stepId: string): number => lesson.steps.findIndex((s) => s.id === stepId) + 1;
  const show = (stepId: string): void => goToStep(stepNumber(stepId) - 1);
  const toggle = (text: string, on: boolean): void => {
    const next = { ...ticks, [text]: on };
    setTicks(next);
    saveTicks(lesson.id, next);
  };

  return (
    <section className="findings-checklist" aria-label={m.region}>
      <h3>{m.heading}</h3>
      <p className="muted">{m.intro}</p>
      <ul>
        {lesson.findings.map((item, i) => (
          <li key={item.text} className={had[i] ? 'had' : 'missed'}>
            <input id={`${idBase}-${i}`} type="checkbox" checked={had[i]} onChange={(e) => toggle(item.text, e.target.checked)} />
            <label htmlFor={`${idBase}-${i}`}>
              {item.text}
              {named[i] && <span className="muted"> {m.fromText}</span>}
            </label>{' '}
            <button type="button" className="subtle" onClick={() => show(item.step)}>
              {m.showMe(stepNumber(item.step))}
            </button>
          </li>
        ))}
      </ul>
      <p className="checklist-tally" role="status">
        {missed.length === 0 ? m.allFound : m.tally(lesson.findings.length - missed.length, lesson.findings.length)}
      </p>
      {missed.length > 0 && (
        <>
          <h4>{m.missedHeading}</h4>
          <ul className="checklist-missed">
            {missed.map((item) => (
              <li key={item.text}>{item.text}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
