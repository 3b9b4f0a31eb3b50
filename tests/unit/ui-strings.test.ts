/**
 * UI text lives in the dictionary (src/ui/i18n), not in the components: this fails when a .tsx file under src/ui
 * writes words into its JSX (text between tags, a string aria-label/title/placeholder/label, or a string in `{…}`
 * there) that are not on the allow-list below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { elementCount, inlineTexts, type InlineText } from './jsx-text';

const UI = join(import.meta.dirname, '../../src/ui');

/**
 * What legitimately stays inline, by file and exact value, each with its reason. Symbols and numbers need no entry
 * (only text with letters is reported).
 */
const ALLOWED: Readonly<Record<string, ReadonlyArray<{ value: string; why: string }>>> = {};

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'i18n' ? [] : tsxFiles(path);
    return e.name.endsWith('.tsx') ? [path] : [];
  });
}

const describeFound = (file: string, t: InlineText): string =>
  `${file}:${t.line} ${t.kind}${t.attribute ? ` ${t.attribute}=` : ': '}${JSON.stringify(t.value)}`;

describe('the scanner', () => {
  it('reports text, read attributes and worded strings in JSX, and nothing of TypeScript around it', () => {
    const source = `
      const state = useState<string | null>(null);
      const many = useRef<Map<string, number>>(new Map());
      if (a < b && c > d) return null;
      const re = /<p>not a tag<\\/p>/;
      export function Hello({ on }: { on: boolean }) {
        return (
          <section aria-label="Greeting" className="hello box">
            {/* a comment with words */}
            <p title={on ? 'Switch off' : 'off-state'}>Hello {name}</p>
            {on && <span>{'Plain words'}</span>}
            {state === 'loading' ? <b>{\`\${n} items\`}</b> : <i>{' · '}</i>}
            <>Fragment text</>
          </section>
        );
      }`;
    expect(inlineTexts(source).map((t) => `${t.kind}${t.attribute ? `:${t.attribute}` : ''}=${t.value}`)).toEqual([
      'attribute:aria-label=Greeting',
      'attribute:title=Switch off',
      'text=Hello',
      'expression=Plain words',
      'expression=items',
      'text=Fragment text',
    ]);
    expect(elementCount(source)).toBe(6); // section, p, span, b, i and the fragment
  });
});

describe('components under src/ui', () => {
  const files = tsxFiles(UI);

  it('are all found, and each has JSX the scanner reads', () => {
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) expect(elementCount(readFileSync(f, 'utf8')), relative(UI, f)).toBeGreaterThan(0);
  });

  it('write no UI text of their own: it comes from src/ui/i18n', () => {
    const problems = files.flatMap((f) => {
      const file = relative(UI, f);
      const allowed = new Set((ALLOWED[file] ?? []).map((a) => a.value));
      return inlineTexts(readFileSync(f, 'utf8'))
        .filter((t) => !allowed.has(t.value))
        .map((t) => describeFound(file, t));
    });
    expect(problems).toEqual([]);
  });

  it('keep no allow-list entry that is no longer needed', () => {
    const stale = Object.entries(ALLOWED).flatMap(([file, entries]) => {
      const found = new Set(inlineTexts(readFileSync(join(UI, file), 'utf8')).map((t) => t.value));
      return entries.filter((e) => !found.has(e.value)).map((e) => `${file}: ${e.value}`);
    });
    expect(stale).toEqual([]);
  });
});
