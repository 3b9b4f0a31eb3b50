import { useEffect, useMemo, useState } from 'react';
import { commitAnswer, attemptOf } from '../../../case/quiz-attempt';
import { quizKey } from '../../../case/quiz';
import { scoreDifferential } from '../../../case/score';
import { revealStepIndex, visibleRevealItems } from '../../../case/reveal';
import type { RevealItem } from '../../../case/schema';
import type { LessonState } from '../../../state/lesson-store';
import { updateCaseProgress, useProgress } from '../../progress-storage';
import { useLesson, useLessonStore } from '../lesson-context';
import { differentialStep, neverAsk, shouldAskBeforeReveal } from '../reveal-ask';
import { clearDraft, EMPTY_DRAFT, readDraft, saveDraft, type QuizDraft } from './quiz-draft';
import { QuizComparison } from './QuizComparison';
import { QuizForm } from './QuizForm';
import { QuizHistory, stepNumber } from './QuizHistory';
import { messages } from '../../i18n/messages';

const m = messages.quiz;
const f = messages.quizFlow;

/** Booleans, not a set: a selector must return a stable value or React renders forever. */
function isShown(s: LessonState, kind: RevealItem['kind']): boolean {
  return visibleRevealItems(s.lesson, s.revealedThrough, s.revealedByHand, s.revealFloor).some((r) => r.kind === kind);
}

const dateText = (iso: string): string => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/**
 * Study mode's quiz: before the differential is revealed the learner may commit findings and a ranked
 * differential (never required: skipping, or simply going on, is always possible), and revise it as later images
 * come; once it is revealed they see the latest answer against the case's, and how it changed on the way
 * (`case/quiz-attempt.ts`: it is graded then, once, for the SM-2 review). After "Hide answers" the quiz does not
 * reopen blind: an answer committed then is marked as answered after the reveal. While an answer is still to be
 * given, or a revision is typed and not committed, stepping into a step that reveals asks first (the store's
 * `askBeforeRevealing`, set here).
 */
export function QuizPanel() {
  const store = useLessonStore();
  const lesson = useLesson((s) => s.lesson);
  const answerKey = useMemo(() => quizKey(lesson), [lesson]);
  const ddx = lesson.reveal.find((r) => r.kind === 'differential');
  const ddxShown = useLesson((s) => isShown(s, 'differential'));
  const diagnosisShown = useLesson((s) => isShown(s, 'diagnosis'));
  const revealComesNext = useLesson((s) => ddx !== undefined && s.stepIndex === revealStepIndex(s.lesson, ddx) - 1);
  const progress = useProgress();
  const record = progress[lesson.id];
  const [draft, setDraft] = useState<QuizDraft>(() => readDraft(lesson.id));
  const [skipped, setSkipped] = useState(false);
  /** Committed in this visit (the date is "just now"). */
  const [committedNow, setCommittedNow] = useState(false);
  /** The form is open again: to revise an open answer, or for a new attempt at a due review. */
  const [editing, setEditing] = useState(false);
  const attempt = attemptOf(record, differentialStep(lesson), new Date());

  /** A revision typed and not committed: the reveal would compare the answer committed before it. */
  const revisionPending =
    attempt.kind === 'open' &&
    editing &&
    !skipped &&
    JSON.stringify([draft.findings.trim(), draft.answers.map((a) => a.trim()).filter((a) => a !== '')]) !==
      JSON.stringify([attempt.quiz.findings ?? '', attempt.quiz.answers]);

  useEffect(() => saveDraft(lesson.id, draft), [lesson.id, draft]);
  useEffect(() => {
    const ask = shouldAskBeforeReveal(lesson, progress, skipped, new Date()) || (revisionPending && !neverAsk());
    store.getState().setAskBeforeRevealing(answerKey !== null && ask);
  }, [store, lesson, answerKey, progress, skipped, revisionPending]);

  if (!answerKey) return null;
  const quiz = record?.quiz;

  const commit = (): void => {
    const answers = draft.answers.map((a) => a.trim()).filter((a) => a !== '');
    if (answers.length === 0) return;
    const result = scoreDifferential(answers, answerKey);
    const s = store.getState();
    const step = { id: s.timeline.steps[s.stepIndex]?.id ?? '', number: s.stepIndex + 1 };
    const seen = attempt.seen;
    updateCaseProgress(lesson.id, (p) =>
      commitAnswer(p, { answers, findings: draft.findings.trim(), score: result.score, maxScore: result.maxScore, step }, seen, new Date()),
    );
    clearDraft(lesson.id);
    setDraft(EMPTY_DRAFT);
    setCommittedNow(true);
    setEditing(false);
  };

  if (ddxShown) {
    if (quiz) {
      return (
        <>
          <QuizComparison
            result={scoreDifferential(quiz.answers, answerKey)}
            answerKey={answerKey}
            diagnosisShown={diagnosisShown}
            findings={quiz.findings}
          />
          <QuizHistory lesson={lesson} quiz={quiz} />
        </>
      );
    }
    return (
      <section className="quiz" aria-label={m.region}>
        <h2>{m.heading}</h2>
        <p className="muted">{m.notCommitted}</p>
      </section>
    );
  }

  const startEditing = (): void => {
    // Revising starts from the committed answer, with a free line for one more diagnosis.
    if (attempt.kind === 'open') setDraft({ findings: attempt.quiz.findings ?? '', answers: [...attempt.quiz.answers, ''] });
    setEditing(true);
    setSkipped(false);
  };
  const showForm = (attempt.kind === 'fresh' || editing) && !skipped;
  const when = committedNow ? m.justNow : quiz ? m.onDate(dateText(quiz.answeredAt)) : '';
  const lastRevision = quiz?.revisions?.[quiz.revisions.length - 1];
  return (
    <section className={`quiz${revealComesNext && showForm ? ' nudge' : ''}`} aria-label={m.region}>
      <h2>{m.heading}</h2>
      {showForm ? (
        <>
          {attempt.seen ? (
            <p className="quiz-seen-mark">{f.seenBefore}</p>
          ) : (
            <p className="muted">{revealComesNext ? m.revealComesNext : m.intro}</p>
          )}
          <QuizForm
            draft={draft}
            onDraft={setDraft}
            onCommit={commit}
            commitLabel={attempt.kind === 'open' ? f.commitRevision : undefined}
            onSkip={() => {
              setSkipped(true);
              setEditing(false);
            }}
          />
          {attempt.kind === 'open' && (
            <button type="button" className="subtle" onClick={() => setEditing(false)}>
              {f.cancelRevision}
            </button>
          )}
        </>
      ) : quiz && attempt.kind !== 'fresh' ? (
        <>
          <p>{attempt.kind === 'open' ? m.committed(when) : f.closedCommitted(when)}</p>
          <ol className="quiz-committed">
            {quiz.answers.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ol>
          {quiz.seen && <p className="quiz-seen-mark">{f.seenMark}</p>}
          {attempt.kind === 'open' && (
            <p className="muted">
              {lastRevision && quiz.revisions!.length > 1 && `${f.revisedAt(stepNumber(lesson, lastRevision.step))} `}
              {f.reviseHint}{' '}
              <button type="button" onClick={startEditing}>
                {f.revise}
              </button>
            </p>
          )}
          {attempt.kind === 'closed' && attempt.due && (
            <button type="button" onClick={startEditing}>
              {m.answerAgain}
            </button>
          )}
        </>
      ) : (
        <p className="muted">
          {m.skipped}{' '}
          <button type="button" className="subtle" onClick={() => setSkipped(false)}>
            {m.answerAfterAll}
          </button>
        </p>
      )}
    </section>
  );
}
