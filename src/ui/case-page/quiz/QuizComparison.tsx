import type { QuizKey, QuizResult } from '../../../case/quiz';

interface Props {
  result: QuizResult;
  answerKey: QuizKey;
  /** The final diagnosis is named only once its own reveal came: the differential may be shown earlier. */
  diagnosisShown: boolean;
  findings?: string | undefined;
}

function finalLine(result: QuizResult, finalName: string): string {
  if (result.finalRank === 1) return `Your first choice was the final diagnosis, ${finalName}.`;
  if (result.finalRank !== null) return `You ranked the final diagnosis, ${finalName}, number ${result.finalRank}.`;
  return `The final diagnosis, ${finalName}, was not in your list.`;
}

const HOW: Record<QuizResult['matched'][number]['how'], string> = {
  exact: 'same name',
  contains: 'named within your answer',
  partial: 'partial name',
};

/** The learner's committed differential against the case's: matches (synonyms count), misses, extras, the score. */
export function QuizComparison({ result, answerKey, diagnosisShown, findings }: Props) {
  const finalName = answerKey.entries[answerKey.finalIndex]?.diagnosis ?? '';
  return (
    <section className="quiz comparison" aria-label="Quiz comparison">
      <h2>Your differential against the case's</h2>
      <p className="quiz-score">
        Score: <strong>{result.score}</strong> of {result.maxScore}
      </p>
      <p className="muted quiz-rule">{result.rule}</p>
      <p className="quiz-final">
        {diagnosisShown
          ? finalLine(result, finalName)
          : 'Where the final diagnosis stood in your list is shown with the final diagnosis.'}
      </p>
      <h3>You named</h3>
      {result.matched.length === 0 ? (
        <p className="muted">None of the case's diagnoses.</p>
      ) : (
        <ul className="quiz-matched">
          {result.matched.map((m) => (
            <li key={m.learnerRank}>
              Your #{m.learnerRank + 1} “{m.learnerText}” = <strong>{m.diagnosis}</strong> (the case's #{m.caseRank + 1},{' '}
              {HOW[m.how]})
            </li>
          ))}
        </ul>
      )}
      {result.missed.length > 0 && (
        <>
          <h3>You missed</h3>
          <ul className="quiz-missed">
            {result.missed.map((m) => (
              <li key={m.caseRank}>
                {m.diagnosis} (the case's #{m.caseRank + 1})
              </li>
            ))}
          </ul>
        </>
      )}
      {result.unmatched.length > 0 && (
        <>
          <h3>Not in the case's differential</h3>
          <ul className="quiz-unmatched">
            {result.unmatched.map((u) => (
              <li key={u.learnerRank}>
                Your #{u.learnerRank + 1} “{u.learnerText}”
              </li>
            ))}
          </ul>
        </>
      )}
      {findings && (
        <>
          <h3>Your findings</h3>
          <p className="quiz-findings">{findings}</p>
        </>
      )}
    </section>
  );
}
