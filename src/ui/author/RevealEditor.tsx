import { freshId, setReveal } from '../../case/authoring';
import type { DifferentialEntry, RevealItem } from '../../case/schema';
import { ProblemText } from './ProblemText';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const m = messages.author.reveal;

/** The kinds of answer, in the order the "Add" buttons offer them. */
const KINDS: ReadonlyArray<RevealItem['kind']> = ['history', 'differential', 'diagnosis', 'teaching-point'];

/** One differential entry per line: "Diagnosis — why" (the dash and reason optional), most likely first. */
function entriesOf(text: string): DifferentialEntry[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [diagnosis = '', ...why] = line.split(/\s+[—-]\s+/);
      return { diagnosis: diagnosis.trim(), reason: why.join(' - ').trim() };
    });
}

const linesOf = (entries: readonly DifferentialEntry[]): string =>
  entries.map((e) => (e.reason ? `${e.diagnosis} — ${e.reason}` : e.diagnosis)).join('\n');

function blank(kind: RevealItem['kind'], id: string, revealAt: string, title: string): RevealItem {
  switch (kind) {
    case 'history':
    case 'teaching-point':
      return { kind, id, revealAt, title, text: m.placeholders.text };
    case 'differential':
      return { kind, id, revealAt, title, entries: [{ diagnosis: m.placeholders.firstDiagnosis, reason: '' }] };
    case 'diagnosis':
      return { kind, id, revealAt, title, diagnosis: m.placeholders.diagnosis, proof: m.placeholders.proof };
  }
}

/** The answers held back until a step: history, the ranked differential, the final diagnosis, teaching points. */
export function RevealEditor() {
  const reveal = useAuthor((s) => s.draft.reveal);
  const steps = useAuthor((s) => s.draft.steps);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  const put = (i: number, item: RevealItem): void => change((d) => setReveal(d, d.reveal.map((r, k) => (k === i ? item : r))));

  return (
    <section className="author-section" aria-label={m.region}>
      <h2>{m.heading}</h2>
      {reveal.map((item, i) => (
        <fieldset key={item.id} className="reveal-edit">
          <legend>{m.kinds[item.kind]}</legend>
          <label>
            {m.title}
            <input value={item.title} onChange={(e) => put(i, { ...item, title: e.target.value })} />
          </label>
          <label>
            {m.revealedAt}
            <select value={item.revealAt} onChange={(e) => put(i, { ...item, revealAt: e.target.value })}>
              {steps.map((st, k) => (
                <option key={st.id} value={st.id}>
                  {k + 1}. {st.title}
                </option>
              ))}
            </select>
          </label>
          {(item.kind === 'history' || item.kind === 'teaching-point') && (
            <label>
              {m.text}
              <textarea rows={2} value={item.text} onChange={(e) => put(i, { ...item, text: e.target.value })} />
            </label>
          )}
          {item.kind === 'differential' && (
            <label>
              {m.entries}
              <textarea key={linesOf(item.entries)} rows={4} defaultValue={linesOf(item.entries)} onBlur={(e) => put(i, { ...item, entries: entriesOf(e.target.value) })} />
            </label>
          )}
          {item.kind === 'diagnosis' && (
            <>
              <label>
                {m.diagnosis}
                <input value={item.diagnosis} onChange={(e) => put(i, { ...item, diagnosis: e.target.value })} />
              </label>
              <label>
                {m.proof}
                <input value={item.proof} onChange={(e) => put(i, { ...item, proof: e.target.value })} />
              </label>
            </>
          )}
          <button type="button" className="subtle" onClick={() => change((d) => setReveal(d, d.reveal.filter((_, k) => k !== i)))}>
            {m.remove}
          </button>
          <ProblemText problems={problems} prefix={`reveal[${i}]`} />
        </fieldset>
      ))}
      <div className="row">
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            onClick={() =>
              change((d) => {
                const last = d.steps[d.steps.length - 1]?.id ?? '';
                return setReveal(d, [...d.reveal, blank(kind, freshId(kind, d.reveal.map((r) => r.id)), last, m.kinds[kind])]);
              })
            }
          >
            {m.add[kind]}
          </button>
        ))}
      </div>
    </section>
  );
}
