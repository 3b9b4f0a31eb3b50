import { freshId, setReveal } from '../../case/authoring';
import { addVocabularyEntry } from '../../case/authoring-fields';
import type { CaseProblem } from '../../case/errors';
import type { RevealItem } from '../../case/schema';
import { entryNamed } from '../../case/vocabulary';
import { DifferentialEditor } from './DifferentialEditor';
import { LinesField } from './LinesField';
import { ProblemText } from './ProblemText';
import { StepOptions } from './StepOptions';
import { withAcceptable } from '../../case/authoring-teaching';
import { VocabularyTie } from './VocabularyTie';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const m = messages.author.reveal;
const a = messages.authorAnswers;
const t = messages.authorTeaching;

/** The kinds of answer, in the order the "Add" buttons offer them. */
const KINDS: ReadonlyArray<RevealItem['kind']> = ['history', 'differential', 'diagnosis', 'teaching-point'];

/**
 * A new answer: its fields empty, not sample words that could ship unnoticed. The placeholders say what to write,
 * and the checker asks for each one at its field until it is written.
 */
function blank(kind: RevealItem['kind'], id: string, revealAt: string, title: string): RevealItem {
  switch (kind) {
    case 'history':
    case 'teaching-point':
      return { kind, id, revealAt, title, text: '' };
    case 'differential':
      return { kind, id, revealAt, title, entries: [{ diagnosis: '', reason: '' }] };
    case 'diagnosis':
      return { kind, id, revealAt, title, diagnosis: '', proof: '' };
  }
}

/** The JSON path of an answer, as the checker names it. */
const revealPath = (i: number): string => `reveal[${i}]`;

/** The fields shown with their own problems; the rest of an item's problems stand at its foot. */
const FIELDS = ['title', 'revealAt', 'text', 'diagnosis', 'proof', 'vocabularyId', 'entries[', 'acceptable'];

function itemProblems(problems: readonly CaseProblem[], at: string): CaseProblem[] {
  return problems.filter((p) => !FIELDS.some((f) => p.path.startsWith(`${at}.${f}`)));
}

/** Without its key: "Automatic" leaves `vocabularyId` out of the case rather than writing it as undefined. */
function tiedDiagnosis(item: Extract<RevealItem, { kind: 'diagnosis' }>, vocabularyId: string | undefined): RevealItem {
  const { vocabularyId: _old, ...rest } = item;
  return vocabularyId === undefined ? rest : { ...rest, vocabularyId };
}

/** The answers held back until a step: history, the ranked differential, the final diagnosis, teaching points. */
export function RevealEditor() {
  const reveal = useAuthor((s) => s.draft.reveal);
  const steps = useAuthor((s) => s.draft.steps);
  const vocabulary = useAuthor((s) => s.draft.vocabulary);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  const put = (i: number, item: RevealItem): void => change((d) => setReveal(d, d.reveal.map((r, k) => (k === i ? item : r))));

  return (
    <section className="author-section" aria-label={m.region}>
      <h2>{m.heading}</h2>
      {reveal.map((item, i) => {
        const at = revealPath(i);
        return (
          <fieldset key={item.id} className="reveal-edit">
            <legend>{m.kinds[item.kind]}</legend>
            <label>
              {m.title}
              <input value={item.title} onChange={(e) => put(i, { ...item, title: e.target.value })} />
            </label>
            <ProblemText problems={problems} prefix={`${at}.title`} />
            <label>
              {m.revealedAt}
              <select value={item.revealAt} onChange={(e) => put(i, { ...item, revealAt: e.target.value })}>
                <StepOptions steps={steps} />
              </select>
            </label>
            <ProblemText problems={problems} prefix={`${at}.revealAt`} />
            {(item.kind === 'history' || item.kind === 'teaching-point') && (
              <>
                <label>
                  {m.text}
                  <textarea
                    rows={2}
                    value={item.text}
                    placeholder={item.kind === 'history' ? a.placeholders.history : a.placeholders.teachingPoint}
                    onChange={(e) => put(i, { ...item, text: e.target.value })}
                  />
                </label>
                <ProblemText problems={problems} prefix={`${at}.text`} />
              </>
            )}
            {item.kind === 'differential' && (
              <>
                <DifferentialEditor entries={item.entries} path={at} problems={problems} onChange={(entries) => put(i, { ...item, entries })} />
                <div className="field-box">
                  <LinesField
                    label={t.acceptable.label}
                    lines={item.acceptable ?? []}
                    placeholder={t.acceptable.placeholder}
                    onChange={(names) => put(i, withAcceptable(item, names))}
                  />
                  <ProblemText problems={problems} prefix={`${at}.acceptable`} />
                </div>
              </>
            )}
            {item.kind === 'diagnosis' && (
              <>
                <label>
                  {m.diagnosis}
                  <input value={item.diagnosis} placeholder={a.placeholders.diagnosis} onChange={(e) => put(i, { ...item, diagnosis: e.target.value })} />
                </label>
                <ProblemText problems={problems} prefix={`${at}.diagnosis`} />
                <label>
                  {m.proof}
                  <input value={item.proof} placeholder={a.placeholders.proof} onChange={(e) => put(i, { ...item, proof: e.target.value })} />
                </label>
                <ProblemText problems={problems} prefix={`${at}.proof`} />
                <VocabularyTie of={a.tie.finalDiagnosis} text={item.diagnosis} vocabularyId={item.vocabularyId} onTie={(id) => put(i, tiedDiagnosis(item, id))} />
                <ProblemText problems={problems} prefix={`${at}.vocabularyId`} />
                {item.vocabularyId === undefined && item.diagnosis.trim() !== '' && !entryNamed(vocabulary, item.diagnosis) && (
                  <button type="button" className="subtle" onClick={() => change((d) => addVocabularyEntry(d, item.diagnosis.trim()).draft)}>
                    {a.vocabulary.addFromDiagnosis}
                  </button>
                )}
              </>
            )}
            <button type="button" className="subtle" onClick={() => change((d) => setReveal(d, d.reveal.filter((_, k) => k !== i)))}>
              {m.remove}
            </button>
            <ProblemText problems={itemProblems(problems, at)} prefix={at} />
          </fieldset>
        );
      })}
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
