import { useEffect, useMemo, useState } from 'react';
import { recordQuiz } from '../../../case/progress';
import { quizKey } from '../../../case/quiz';
import { scoreDifferential } from '../../../case/score';
import { revealStepIndex, visibleRevealItems } from '../../../case/reveal';
import type { RevealItem } from '../../../case/schema';
import type { LessonState } from '../../../state/lesson-store';
import { updateCaseProgress, useProgress } from '../../progress-storage';
import { useLesson } from '../lesson-context';
import { clearDraft, EMPTY_DRAFT, readDraft, saveDraft, type QuizDraft } from './quiz-draft';
import { QuizComparison } from './QuizComparison';
import { QuizForm } from './QuizForm';
import { messages } from '../../i18n/messages';

const m = messages.quiz;

/** Booleans, not a set: a selector must return a stable value or React renders forever. */
function isShown(s: LessonState, kind: RevealItem['kind']): boolean {
  return visibleRevealItems(s.lesson, s.revealedThrough, s.revealedByHand, s.revealFloor).some((r) => r.kind === kind);
}

const dateText = (iso: string): string => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/**
 * Study mode's quiz: before the differential is revealed the learner may commit findings and a ranked
 * differential (never required: skipping, or simply going on, is always possible); once it is revealed they see
 * theirs against the case's. A committed answer is final until its reveal, and is scored then; the score grades
 * the SM-2 review, and the case offers a fresh attempt when the review falls due.
 */
export function QuizPanel() {
  const lesson = useLesson((s) => s.lesson);
  const answerKey = useMemo(() => quizKey(lesson), [lesson]);
  const ddx = lesson.reveal.find((r) => r.kind === 'differential');
  const ddxShown = useLesson((s) => isShown(s, 'differential'));
  const diagnosisShown = useLesson((s) => isShown(s, 'diagnosis'));
  const revealComesNext = useLesson((s) => ddx !== undefined && s.stepIndex === revealStepIndex(s.lesson, ddx) - 1);
  const record = useProgress()[lesson.id];
  const [draft, setDraft] = useState<QuizDraft>(() => readDraft(lesson.id));
  const [skipped, setSkipped] = useState(false);
  /** Answered in this visit: a due review's new answer replaces the old one only once committed. */
  const [committedNow, setCommittedNow] = useState(false);
  const [retaking, setRetaking] = useState(false);

  useEffect(() => saveDraft(lesson.id, draft), [lesson.id, draft]);

  if (!answerKey) return null;
  const quiz = record?.quiz;
  const due = record?.sm2 !== undefined && Date.parse(record.sm2.dueAt) <= Date.now() && !committedNow;

  const commit = (): void => {
    const answers = draft.answers.map((a) => a.trim()).filter((a) => a !== '');
    if (answers.length === 0) return;
    const result = scoreDifferential(answers, answerKey);
    updateCaseProgress(lesson.id, (p) => recordQuiz(p, answers, draft.findings.trim(), result, new Date()));
    clearDraft(lesson.id);
    setDraft(EMPTY_DRAFT);
    setCommittedNow(true);
    setRetaking(false);
  };

  if (ddxShown) {
    if (quiz) {
      return (
        <QuizComparison
          result={scoreDifferential(quiz.answers, answerKey)}
          answerKey={answerKey}
          diagnosisShown={diagnosisShown}
          findings={quiz.findings}
        />
      );
    }
    return (
      <section className="quiz" aria-label={m.region}>
        <h2>{m.heading}</h2>
        <p className="muted">{m.notCommitted}</p>
      </section>
    );
  }

  const showForm = (!quiz || retaking) && !skipped;
  return (
    <section className={`quiz${revealComesNext && showForm ? ' nudge' : ''}`} aria-label={m.region}>
      <h2>{m.heading}</h2>
      {showForm ? (
        <>
          <p className="muted">
            {revealComesNext ? m.revealComesNext : m.intro}
          </p>
          <QuizForm
            draft={draft}
            onDraft={setDraft}
            onCommit={commit}
            onSkip={() => {
              setSkipped(true);
              setRetaking(false);
            }}
          />
        </>
      ) : quiz && !retaking ? (
        <>
          <p>{m.committed(committedNow ? m.justNow : m.onDate(dateText(quiz.answeredAt)))}</p>
          <ol className="quiz-committed">
            {quiz.answers.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ol>
          {due && (
            <button type="button" onClick={() => setRetaking(true)}>
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
