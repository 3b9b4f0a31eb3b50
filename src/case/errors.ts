/** A problem in a case file, located by its JSON path (e.g. `cues[3].viewports.left.imageIndex`). */
export interface CaseProblem {
  path: string;
  message: string;
}

/** Turns a path of keys and indices into the dotted/bracketed form people read in error messages. */
export function formatPath(parts: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const name = String(part);
      out += out === '' ? name : /^[A-Za-z_$][\w$-]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
    }
  }
  return out === '' ? '(case)' : out;
}

export function describeProblem(p: CaseProblem): string {
  return `${p.path}: ${p.message}`;
}
