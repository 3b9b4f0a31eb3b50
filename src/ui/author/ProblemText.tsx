import type { CaseProblem } from '../../case/errors';

/** The checker's problems for one field (paths starting with `prefix`), shown next to it. */
export function ProblemText({ problems, prefix }: { problems: readonly CaseProblem[]; prefix: string }) {
  const mine = problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`));
  if (mine.length === 0) return null;
  // The alert role sits on a wrapper: on the <ul> itself it would replace the list role and orphan its items.
  return (
    <div role="alert">
      <ul className="field-problems">
        {mine.map((p, i) => (
          <li key={i}>
            <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
