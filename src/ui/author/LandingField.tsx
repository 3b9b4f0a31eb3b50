import { setStepLanding } from '../../case/authoring-teaching';
import type { Step } from '../../case/schema';
import { ProblemText } from './ProblemText';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const t = messages.authorTeaching.landing;

/**
 * Where "Next step", a chapter button and a link put the learner on this step: its findings (the first view with
 * arrows, the default), its first segment, or one of its segments.
 */
export function LandingField({ step, n }: { step: Step; n: number }) {
  const transcript = useAuthor((s) => s.draft.transcript);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  const own = transcript.flatMap((seg, i) => (seg.step === step.id ? [{ seg, n: i + 1 }] : []));
  const value = step.landing === undefined || step.landing === 'findings' ? '' : step.landing;
  // A segment that left the step stays shown as chosen, so the select does not pretend all is well.
  const lost = value !== '' && value !== 'first' && !own.some((o) => o.seg.id === value);
  return (
    <div className="field-box">
      <label>
        {t.label(n)}
        <select value={value} onChange={(e) => change((d) => setStepLanding(d, step.id, e.target.value === '' ? undefined : e.target.value))}>
          <option value="">{t.findings}</option>
          <option value="first">{t.first}</option>
          {own.map((o) => (
            <option key={o.seg.id} value={o.seg.id}>
              {t.segment(o.n, o.seg.text)}
            </option>
          ))}
          {lost && <option value={value}>{t.elsewhere(transcript.findIndex((seg) => seg.id === value) + 1)}</option>}
        </select>
      </label>
      <ProblemText problems={problems} prefix={`steps[${n - 1}].landing`} />
    </div>
  );
}
