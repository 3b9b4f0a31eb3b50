import { describeProblem, type CaseProblem } from '../../case/errors';
import { messages } from '../i18n/messages';

const { common, errors } = messages;

/** A case that cannot be opened: the reason, each problem with its JSON path, and the way back. */
export function CaseLoadFailed({ message, problems }: { message: string; problems: readonly CaseProblem[] }) {
  return (
    <main className="page-message">
      <h1>{errors.caseLoad.heading}</h1>
      <p role="alert">{message}</p>
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={i}>{describeProblem(p)}</li>
          ))}
        </ul>
      )}
      <p>
        <a href="#/">{common.backToLibrary}</a>
      </p>
    </main>
  );
}
