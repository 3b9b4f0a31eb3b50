import type { CaseProblem } from '../../case/errors';
import type { DifferentialEntry } from '../../case/schema';
import { withCondition } from '../../case/authoring-teaching';
import { ProblemText } from './ProblemText';
import { messages } from '../i18n/messages';

const t = messages.authorTeaching.conditional;

interface Props {
  /** 1-based place of the entry in the differential. */
  n: number;
  entry: DifferentialEntry;
  /** The entry's JSON path ("reveal[1].entries[3]"). */
  path: string;
  problems: readonly CaseProblem[];
  onChange(entry: DifferentialEntry): void;
}

/**
 * "Only with <history>": a diagnosis that belongs on the list only for a patient with that history, which this one
 * lacks; the quiz neither rewards nor penalises naming it. Empty: always on the list.
 */
export function ConditionalField({ n, entry, path, problems, onChange }: Props) {
  return (
    <div className="field-box">
      <label>
        {t.label(n)}
        <input value={entry.conditional ?? ''} placeholder={t.placeholder} onChange={(e) => onChange(withCondition(entry, e.target.value))} />
      </label>
      <ProblemText problems={problems} prefix={`${path}.conditional`} />
    </div>
  );
}
