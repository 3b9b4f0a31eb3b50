import { addFinding, removeFinding, setFinding } from '../../case/authoring-teaching';
import { LinesField } from './LinesField';
import { ProblemText } from './ProblemText';
import { StepOptions } from './StepOptions';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const t = messages.authorTeaching.findings;

/** The JSON path of an item, as the checker names it. */
const findingPath = (i: number): string => `findings[${i}]`;

/**
 * The case's findings checklist, shown to learners after the reveal: each finding's words, the words or phrases
 * that tick it from what the learner wrote, and the step that shows it.
 */
export function FindingsEditor() {
  const findings = useAuthor((s) => s.draft.findings);
  const steps = useAuthor((s) => s.draft.steps);
  const problems = useAuthor((s) => s.problems);
  const selected = useAuthor((s) => s.selectedSegment);
  const change = useAuthor((s) => s.edit);
  return (
    <section className="author-section" aria-label={t.region}>
      <h2>{t.heading}</h2>
      <p className="muted author-intro">{t.intro}</p>
      {findings.map((f, i) => {
        const at = findingPath(i);
        return (
          // Items have no id: the index is their identity, as the checker's paths name them.
          <fieldset key={i} className="reveal-edit">
            <div className="field-box">
              <label>
                {t.text(i + 1)}
                <input value={f.text} placeholder={t.textPlaceholder} onChange={(e) => change((d) => setFinding(d, i, { text: e.target.value }))} />
              </label>
              <ProblemText problems={problems} prefix={`${at}.text`} />
            </div>
            <div className="field-box">
              <LinesField label={t.match(i + 1)} lines={f.match} placeholder={t.matchPlaceholder} onChange={(match) => change((d) => setFinding(d, i, { match }))} />
              <ProblemText problems={problems} prefix={`${at}.match`} />
            </div>
            <div className="field-box">
              <label>
                {t.step(i + 1)}
                <select value={f.step} onChange={(e) => change((d) => setFinding(d, i, { step: e.target.value }))}>
                  {!steps.some((st) => st.id === f.step) && <option value={f.step}>{messages.authorTeaching.problems.unknownStep}</option>}
                  <StepOptions steps={steps} />
                </select>
              </label>
              <ProblemText problems={problems} prefix={`${at}.step`} />
            </div>
            <button type="button" className="subtle" onClick={() => change((d) => removeFinding(d, i))}>
              {t.remove(i + 1)}
            </button>
            <ProblemText problems={problems} prefix={at} exact />
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() =>
          change((d) => {
            // The step the author is looking at is the likeliest to show the new finding.
            const seg = d.transcript.find((s) => s.id === selected);
            return addFinding(d, seg?.step ?? d.steps[0]?.id ?? '');
          })
        }
      >
        {t.add}
      </button>
    </section>
  );
}
