import { addWhyNot, removeWhyNot, setWhyNot } from '../../case/authoring-teaching';
import { ProblemText } from './ProblemText';
import { VocabularyTie } from './VocabularyTie';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const t = messages.authorTeaching.whyNot;

/** The JSON path of an item, as the checker names it. */
const whyNotPath = (i: number): string => `whyNot[${i}]`;

/**
 * "Why not": common wrong answers, each with the one line against it, which a learner who named it reads after
 * the reveal. Tied to a vocabulary entry (or by name), so its synonyms count as they do in the quiz.
 */
export function WhyNotEditor() {
  const whyNot = useAuthor((s) => s.draft.whyNot);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  return (
    <section className="author-section" aria-label={t.region}>
      <h2>{t.heading}</h2>
      <p className="muted author-intro">{t.intro}</p>
      {whyNot.map((w, i) => {
        const at = whyNotPath(i);
        return (
          // Items have no id: the index is their identity, as the checker's paths name them.
          <fieldset key={i} className="reveal-edit">
            <div className="field-box">
              <label>
                {t.diagnosis(i + 1)}
                <input value={w.diagnosis} placeholder={t.diagnosisPlaceholder} onChange={(e) => change((d) => setWhyNot(d, i, { diagnosis: e.target.value }))} />
              </label>
              <ProblemText problems={problems} prefix={`${at}.diagnosis`} />
            </div>
            <div className="field-box">
              <VocabularyTie of={t.of(i + 1)} text={w.diagnosis} vocabularyId={w.vocabularyId} onTie={(id) => change((d) => setWhyNot(d, i, { vocabularyId: id }))} />
              <ProblemText problems={problems} prefix={`${at}.vocabularyId`} />
            </div>
            <div className="field-box">
              <label>
                {t.reason(i + 1)}
                <textarea rows={2} value={w.reason} placeholder={t.reasonPlaceholder} onChange={(e) => change((d) => setWhyNot(d, i, { reason: e.target.value }))} />
              </label>
              <ProblemText problems={problems} prefix={`${at}.reason`} />
            </div>
            <button type="button" className="subtle" onClick={() => change((d) => removeWhyNot(d, i))}>
              {t.remove(i + 1)}
            </button>
            <ProblemText problems={problems} prefix={at} exact />
          </fieldset>
        );
      })}
      <button type="button" onClick={() => change(addWhyNot)}>
        {t.add}
      </button>
    </section>
  );
}
