import type { DifferentialEntry } from '../../case/schema';
import type { CaseProblem } from '../../case/errors';
import { ConditionalField } from './ConditionalField';
import { ProblemText } from './ProblemText';
import { problemUnder } from './problem-words';
import { VocabularyTie } from './VocabularyTie';
import { messages } from '../i18n/messages';

const a = messages.authorAnswers;

interface Props {
  entries: readonly DifferentialEntry[];
  /** The JSON path of the differential item ("reveal[1]"), for the checker's problems of each entry. */
  path: string;
  problems: readonly CaseProblem[];
  onChange(entries: DifferentialEntry[]): void;
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Without its key: "Automatic" leaves `vocabularyId` out of the case rather than writing it as undefined. */
function tied(e: DifferentialEntry, vocabularyId: string | undefined): DifferentialEntry {
  const { vocabularyId: _old, ...rest } = e;
  return vocabularyId === undefined ? rest : { ...rest, vocabularyId };
}

/** The ranked differential, one diagnosis per row: its name, why, its vocabulary entry; reorder, add, remove. */
export function DifferentialEditor({ entries, path, problems, onChange }: Props) {
  const put = (k: number, e: DifferentialEntry): void => onChange(entries.map((x, j) => (j === k ? e : x)));
  return (
    <fieldset className="ddx-edit">
      <legend>{a.differential.entries}</legend>
      <ol>
        {entries.map((e, k) => (
          <li key={k}>
            <label>
              <span className="visually-hidden">{a.differential.diagnosis(k + 1)}</span>
              <input value={e.diagnosis} placeholder={a.placeholders.entry} onChange={(ev) => put(k, { ...e, diagnosis: ev.target.value })} />
            </label>
            <label>
              <span className="visually-hidden">{a.differential.reason(k + 1)}</span>
              <input value={e.reason} placeholder={a.placeholders.reason} onChange={(ev) => put(k, { ...e, reason: ev.target.value })} />
            </label>
            <VocabularyTie of={a.tie.entry(k + 1)} text={e.diagnosis} vocabularyId={e.vocabularyId} onTie={(id) => put(k, tied(e, id))} />
            <ConditionalField n={k + 1} entry={e} path={`${path}.entries[${k}]`} problems={problems} onChange={(x) => put(k, x)} />
            <div className="row">
              <button type="button" aria-label={a.differential.moveUp(k + 1)} disabled={k === 0} onClick={() => onChange(move(entries, k, k - 1))}>
                ↑
              </button>
              <button
                type="button"
                aria-label={a.differential.moveDown(k + 1)}
                disabled={k === entries.length - 1}
                onClick={() => onChange(move(entries, k, k + 1))}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={a.differential.remove(k + 1)}
                disabled={entries.length === 1}
                onClick={() => onChange(entries.filter((_, j) => j !== k))}
              >
                ✕
              </button>
            </div>
            {/* The condition's problems stand at its own field. */}
            <ProblemText problems={problems.filter((p) => !problemUnder(p.path, `${path}.entries[${k}].conditional`))} prefix={`${path}.entries[${k}]`} />
          </li>
        ))}
      </ol>
      <button type="button" className="subtle" onClick={() => onChange([...entries, { diagnosis: '', reason: '' }])}>
        {a.differential.add}
      </button>
    </fieldset>
  );
}
