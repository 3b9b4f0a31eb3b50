import type { QuizKey } from '../../../case/quiz';
import type { QuizMatch, QuizResult } from '../../../case/score';
import { WRONG_ENTRY_COST } from '../../../case/score';
import { messages } from '../../i18n/messages';

const m = messages.quiz.comparison;
const s = messages.quizScore;

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

/** How a match was made, in words: "same name" only when it was. */
export function howWords(match: Pick<QuizMatch, 'how' | 'via' | 'spelling'>): string {
  const parts: string[] = [];
  if (match.via === 'synonym') parts.push(s.how.synonym);
  if (match.spelling) parts.push(s.how.spelling);
  if (match.how === 'contains') parts.push(s.how.contains);
  if (match.how === 'partial') parts.push(s.how.partial);
  return parts.length === 0 ? s.how.name : parts.reduce((a, b) => s.joinHow(a, b));
}

const yours = (match: Pick<QuizMatch, 'learnerRank' | 'learnerText'>): string => m.yours(match.learnerRank + 1, match.learnerText);

/**
 * The learner's committed differential against the case's: the score with its rule, each entry's points and how it
 * was counted (synonym, spelling), conditional entries and reasonable alternatives in words, misses and extras.
 */
export function QuizComparison({ result, answerKey, diagnosisShown, findings }: Props) {
  const finalName = answerKey.entries[answerKey.finalIndex]?.diagnosis ?? '';
  return (
    <section className="quiz comparison" aria-label={m.region}>
      <h2>{m.heading}</h2>
      <p className="quiz-score">
        {s.score} <strong>{result.score}</strong> {s.scoreOf(result.maxScore)}
        {result.cost > 0 && <span className="muted quiz-cost"> {s.earnedCost(result.earned, result.cost)}</span>}
      </p>
      <p className="muted quiz-rule">{s.rule(WRONG_ENTRY_COST)}</p>
      <p className="quiz-final">{diagnosisShown ? finalLine(result, finalName) : m.finalWaits}</p>
      <h3>{m.named}</h3>
      {result.matched.length === 0 ? (
        <p className="muted">{m.namedNone}</p>
      ) : (
        <ul className="quiz-matched">
          {result.matched.map((match) => (
            <li key={match.learnerRank}>
              {s.countedAs(yours(match), match.diagnosis, howWords(match), match.caseRank + 1, match.points)}
            </li>
          ))}
        </ul>
      )}
      {result.conditional.length > 0 && (
        <>
          <h3>{s.conditional}</h3>
          <ul className="quiz-conditional">
            {result.conditional.map((c) => (
              <li key={c.caseRank}>
                {c.named
                  ? s.conditionalNamed(c.diagnosis, c.caseRank + 1, c.condition, yours(c.named))
                  : s.conditionalNotNamed(c.diagnosis, c.caseRank + 1, c.condition)}
              </li>
            ))}
          </ul>
        </>
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
      {result.acceptable.length > 0 && (
        <>
          <h3>{s.acceptable}</h3>
          <ul className="quiz-acceptable">
            {result.acceptable.map((a) => (
              <li key={a.learnerRank}>{s.acceptableItem(yours(a), a.diagnosis)}</li>
            ))}
          </ul>
        </>
      )}
      {result.repeats.length > 0 && (
        <>
          <h3>{s.repeats}</h3>
          <ul className="quiz-repeats">
            {result.repeats.map((r) => (
              <li key={r.learnerRank}>{s.repeatItem(yours(r), r.diagnosis)}</li>
            ))}
          </ul>
        </>
      )}
      {result.unmatched.length > 0 && (
        <>
          <h3>{s.unmatched(WRONG_ENTRY_COST)}</h3>
          <ul className="quiz-unmatched">
            {result.unmatched.map((u) => (
              <li key={u.learnerRank}>{yours(u)}</li>
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
