import type { Draft } from '../../case/authoring';
import { LAST_SEGMENT_MIN_SECONDS } from '../../case/timeline';
import { ProblemText } from './ProblemText';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';

const m = messages.author.length;

function withDuration(d: Draft, duration: number | undefined): Draft {
  const { duration: _old, ...rest } = d;
  return duration === undefined ? rest : { ...rest, duration };
}

/**
 * When the lesson ends: by default it follows the transcript (a little after the last segment starts), so moving a
 * segment never leaves an end time behind it; an author with a recording may set the end themselves.
 */
export function LessonLengthField() {
  const duration = useAuthor((s) => s.draft.duration);
  const lastStart = useAuthor((s) => s.draft.transcript.at(-1)?.start ?? 0);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  return (
    <section className="author-section" aria-label={m.region}>
      <h2>{m.heading}</h2>
      {duration === undefined ? (
        <p>
          {m.follows(LAST_SEGMENT_MIN_SECONDS)}{' '}
          <button type="button" className="subtle" onClick={() => change((d) => withDuration(d, Math.ceil(lastStart + LAST_SEGMENT_MIN_SECONDS)))}>
            {m.setOwn}
          </button>
        </p>
      ) : (
        <div className="row">
          <label>
            {m.fixed}
            <input
              type="number"
              min={0}
              step={0.1}
              value={duration}
              onChange={(e) => Number.isFinite(e.target.valueAsNumber) && change((d) => withDuration(d, e.target.valueAsNumber))}
            />
          </label>
          <button type="button" onClick={() => change((d) => withDuration(d, undefined))}>
            {m.follow}
          </button>
        </div>
      )}
      <ProblemText problems={problems} prefix="duration" />
    </section>
  );
}
