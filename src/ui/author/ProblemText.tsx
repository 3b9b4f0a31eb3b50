import type { CaseProblem } from '../../case/errors';

/** The checker's problems for one field (paths starting with `prefix`), shown next to it. */
export function ProblemText({ problems, prefix }: { problems: readonly CaseProblem[]; prefix: string }) {
  const mine = problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`));
  if (mine.length === 0) return null;
  return (
    <ul className="field-problems" role="alert">
      {mine.map((p, i) => (
        <li key={i}>
          <code>{p.path}</code>: {p.message}
        </li>
      ))}
    </ul>
  );
}
