/**
 * Paths a case file may give for its own files (series files, manifests, narration, captions): relative to the
 * case folder and staying inside it. Anything else could make the viewer fetch from another host ("https:…",
 * "//host/…", "data:…"), from elsewhere on this one ("/…", "../../…"), or in ways hosts read differently ("\").
 */

/** Why `path` is not a path inside the case folder, or undefined when it is. */
export function casePathProblem(path: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return 'a path inside the case folder, not a URL';
  if (path.startsWith('/')) return 'a path relative to the case folder, not one starting with "/"';
  if (path.includes('\\')) return 'a path with "/" between folders, not "\\"';
  if (/[?#]/.test(path)) return 'a file path, without "?" or "#"';
  let depth = 0;
  for (const part of path.split('/')) {
    if (part === '..') depth--;
    else if (part !== '' && part !== '.') depth++;
    if (depth < 0) return 'a path that stays inside the case folder (too many "..")';
  }
  return undefined;
}
