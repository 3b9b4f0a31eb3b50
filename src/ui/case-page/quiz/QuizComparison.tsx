import type { QuizKey, QuizResult } from '../../../case/quiz';
import { messages } from '../../i18n/messages';

const m = messages.quiz.comparison;

interface Props {
  result: QuizResult;
  answerKey: QuizKey;
  /** The final diagnosis is named only once its own reveal came: the differential may be shown earlier. */
  diagnosisShown: boolean;
  findings?: string | undefined;
}

function finalLine(result: QuizResult, finalName: string): string {
  if (result.finalRank === 1) return m.finalFirst(finalName);
  if (result.finalRank !== null) return m.finalRanked(finalName, result.finalRank);
  return m.finalMissing(finalName);
}

/** The learner's committed differential against the case's: matches (synonyms count), misses, extras, the score. */
export function QuizComparison({ result, answerKey, diagnosisShown, findings }: Props) {
  const finalName = answerKey.entries[answerKey.finalIndex]?.diagnosis ?? '';
  return (
    <section className="quiz comparison" aria-label={m.region}>
      <h2>{m.heading}</h2>
      <p className="quiz-score">
        {m.score} <strong>{result.score}</strong> {m.scoreOf(result.maxScore)}
      </p>
      <p className="muted quiz-rule">{result.rule}</p>
      <p className="quiz-final">
        {diagnosisShown ? finalLine(result, finalName) : m.finalWaits}
      </p>
      <h3>{m.named}</h3>
      {result.matched.length === 0 ? (
        <p className="muted">{m.namedNone}</p>
      ) : (
        <ul className="quiz-matched">
          {result.matched.map((match) => (
            <li key={match.learnerRank}>
              {m.yours(match.learnerRank + 1, match.learnerText)} = <strong>{match.diagnosis}</strong>{' '}
              {m.caseRankHow(match.caseRank + 1, m.how[match.how])}
            </li>
          ))}
        </ul>
      )}
      {result.missed.length > 0 && (
        <>
          <h3>{m.missed}</h3>
          <ul className="quiz-missed">
            {result.missed.map((miss) => (
              <li key={miss.caseRank}>{m.missedItem(miss.diagnosis, miss.caseRank + 1)}</li>
            ))}
          </ul>
        </>
      )}
      {result.unmatched.length > 0 && (
        <>
          <h3>{m.unmatched}</h3>
          <ul className="quiz-unmatched">
            {result.unmatched.map((u) => (
              <li key={u.learnerRank}>{m.yours(u.learnerRank + 1, u.learnerText)}</li>
            ))}
          </ul>
        </>
      )}
      {findings && (
        <>
          <h3>{m.findings}</h3>
          <p className="quiz-findings">{findings}</p>
        </>
      )}
    </section>
  );
}
