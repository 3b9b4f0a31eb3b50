import { useState } from 'react';
import { hiddenRevealItems, visibleRevealItems } from '../../case/reveal';
import type { RevealItem } from '../../case/schema';
import { attemptOf } from '../../case/quiz-attempt';
import { useLesson } from './lesson-context';
import { useProgress } from '../progress-storage';
import { differentialStep } from './reveal-ask';
import { messages } from '../i18n/messages';
import { FindingsChecklist } from './review/FindingsChecklist';
import { WhyNotList } from './review/WhyNotList';

const m = messages.casePage.reveal;
/** Fixed accessible names, whatever title a case gives its items, so tests and screen readers find them. */
const REGION_NAMES: Readonly<Record<RevealItem['kind'], string>> = m.kinds;

function ItemBody({ item }: { item: RevealItem }) {
  switch (item.kind) {
    case 'history':
    case 'teaching-point':
      return <p>{item.text}</p>;
    case 'diagnosis':
      return (
        <p>
          <strong>{item.diagnosis}</strong> <span className="muted">({item.proof})</span>
        </p>
      );
    case 'differential':
      return (
        <ol className="differential-list">
          {item.entries.map((e) => (
            <li key={e.diagnosis}>
              <strong>{e.diagnosis}</strong>
              {e.reason && <span className="muted"> — {e.reason}</span>}
            </li>
          ))}
        </ol>
      );
  }
}

/**
 * Answers stay out of the DOM (not merely hidden) until their step or an explicit "Reveal now".
 * @param presenting the audience screen: the answers as revealed, without the learner's buttons (the presenter
 *   reveals by stepping, or from the console)
 */
export function RevealPanel({ presenting = false }: { presenting?: boolean }) {
  const lesson = useLesson((s) => s.lesson);
  const revealedThrough = useLesson((s) => s.revealedThrough);
  const byHand = useLesson((s) => s.revealedByHand);
  const floor = useLesson((s) => s.revealFloor);
  const revealNow = useLesson((s) => s.revealNow);
  const hideAnswers = useLesson((s) => s.hideAnswers);
  const [confirming, setConfirming] = useState(false);
  const progress = useProgress()[lesson.id];
  const quiz = progress?.quiz;
  const attempt = attemptOf(progress, differentialStep(lesson), new Date());
  /** "Commit to your own answer first" only while there is an answer to commit. */
  const committed = attempt.kind === 'open' || (attempt.kind === 'closed' && !attempt.due);
  const visible = visibleRevealItems(lesson, revealedThrough, byHand, floor);
  const hidden = hiddenRevealItems(lesson, revealedThrough, byHand, floor);
  if (lesson.reveal.length === 0) return null;
  if (presenting) {
    if (visible.length === 0) return null;
    return (
      <section className="reveal presenting-reveal" aria-label={m.region}>
        {visible.map((item) => (
          <section key={item.id} className={`reveal-item ${item.kind}`} aria-label={REGION_NAMES[item.kind]} data-reveal-id={item.id}>
            <h3>{item.title}</h3>
            <ItemBody item={item} />
          </section>
        ))}
      </section>
    );
  }

  return (
    <section className="reveal" aria-label={m.region}>
      <h2>{m.heading}</h2>
      {visible.map((item) => (
        <section key={item.id} className={`reveal-item ${item.kind}`} aria-label={REGION_NAMES[item.kind]}>
          <h3>{item.title}</h3>
          <ItemBody item={item} />
        </section>
      ))}
      {/* The checklist and "why not" teach from the answers: they come with the differential, never before. */}
      {visible.some((item) => item.kind === 'differential' || item.kind === 'diagnosis') && (
        <>
          <FindingsChecklist writtenFindings={quiz?.findings ?? ''} />
          <WhyNotList quiz={quiz} />
        </>
      )}
      {hidden.length > 0 && !confirming && (
        <p className="muted">
          {m.stillHidden(hidden.length)}{' '}
          <button type="button" onClick={() => setConfirming(true)}>
            {m.revealNow}
          </button>
        </p>
      )}
      {confirming && (
        <div role="alertdialog" aria-label={m.confirmName} className="confirm">
          <p>{committed ? messages.quizFlow.revealCommitted : m.confirmText}</p>
          <button
            type="button"
            onClick={() => {
              revealNow();
              setConfirming(false);
            }}
          >
            {m.show}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {m.cancel}
          </button>
        </div>
      )}
      {visible.length > 0 && (
        <button type="button" className="subtle" onClick={hideAnswers}>
          {m.hide}
        </button>
      )}
    </section>
  );
}
