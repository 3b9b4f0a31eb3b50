import type { CaseProblem } from '../../case/errors';
import { useAuthor } from './author-context';
import { authorProblem, problemUnder } from './problem-words';

/**
 * The checker's problems for one field (paths starting with `prefix`), shown next to it in the author's words.
 * `exact`: only problems of that very path. `data-problem-for` lets the problem list of the toolbar find the field and bring it into view.
 */
export function ProblemText({ problems, prefix, exact = false }: { problems: readonly CaseProblem[]; prefix: string; exact?: boolean }) {
  const draft = useAuthor((s) => s.draft);
  const mine = problems.filter((p) => (exact ? p.path === prefix : problemUnder(p.path, prefix)));
  if (mine.length === 0) return null;
  // The alert role sits on a wrapper: on the <ul> itself it would replace the list role and orphan its items.
  return (
    <div role="alert" data-problem-for={prefix}>
      <ul className="field-problems">
        {mine.map((p, i) => {
          const said = authorProblem(p, draft);
          return (
            <li key={i} data-path={p.path}>
              <strong>{said.field}</strong>: {said.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
