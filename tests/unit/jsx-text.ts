/**
 * Finds the words a .tsx file writes into its JSX itself: text between tags, string values of the attributes a
 * user reads or hears (aria-label, title, placeholder, …), and string literals inside `{…}` in those places.
 * A small scanner, not a parser: it knows strings, template literals, comments and regular expressions well enough
 * to walk this project's components, and tells a tag's `<` from a generic's or a comparison's by what precedes it
 * (a JSX tag never follows a name or a closing bracket directly).
 */

export interface InlineText {
  line: number;
  /** Where it stands: JSX text, a read attribute's value, or a string inside an expression there. */
  kind: 'text' | 'attribute' | 'expression';
  /** For attributes and expressions in them, the attribute's name. */
  attribute?: string;
  value: string;
}

/** Attributes whose value a user reads or hears; component props that carry such text (`label`) included. */
export const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
]);

const LETTER = /\p{L}/u;
/** Strings that are code, not words: ids, kinds and states compared or passed around ('loading', 'teaching-point'). */
const CODE_WORD = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** Whether a string literal inside an expression reads as words to a user. */
export function looksLikeWords(s: string): boolean {
  return LETTER.test(s) && !(s.length >= 2 && CODE_WORD.test(s));
}

export function inlineTexts(source: string): InlineText[] {
  return new Scanner(source).run();
}

/** Where strings inside an expression land: nowhere a user sees (null), in the page's text, or in an attribute. */
type Sink = null | { kind: 'text' } | { kind: 'attribute'; name: string };

class Scanner {
  private i = 0;
  private readonly found: InlineText[] = [];
  /** How many JSX elements were read: a scan that finds none in a component file has gone wrong. */
  elements = 0;

  constructor(private readonly src: string) {}

  run(): InlineText[] {
    this.js(null, false);
    return this.found;
  }

  private line(at: number): number {
    let n = 1;
    for (let k = 0; k < at; k++) if (this.src.charCodeAt(k) === 10) n++;
    return n;
  }

  private record(at: number, kind: InlineText['kind'], value: string, attribute?: string): void {
    this.found.push({ line: this.line(at), kind, value, ...(attribute === undefined ? {} : { attribute }) });
  }

  /** The last non-blank character before `at`, and the word it ends, if any. */
  private before(at: number): { ch: string; word: string } {
    let k = at - 1;
    while (k >= 0 && /\s/.test(this.src[k]!)) k--;
    const ch = k >= 0 ? this.src[k]! : '';
    let w = k;
    while (w >= 0 && /[\w$]/.test(this.src[w]!)) w--;
    return { ch, word: this.src.slice(w + 1, k + 1) };
  }

  /** JavaScript up to the `}` that closes the expression (when `inBraces`) or the end of the file. */
  private js(sink: Sink, inBraces: boolean): void {
    const s = this.src;
    let depth = 0;
    while (this.i < s.length) {
      const c = s[this.i]!;
      const next = s[this.i + 1];
      if (c === '/' && next === '/') {
        this.i = s.indexOf('\n', this.i);
        if (this.i < 0) this.i = s.length;
      } else if (c === '/' && next === '*') {
        const end = s.indexOf('*/', this.i + 2);
        this.i = end < 0 ? s.length : end + 2;
      } else if (c === '"' || c === "'") {
        const start = this.i;
        const value = this.quoted(c);
        if (sink && looksLikeWords(value)) this.record(start, sink.kind === 'text' ? 'expression' : 'attribute', value, sink.kind === 'attribute' ? sink.name : undefined);
      } else if (c === '`') {
        this.template(sink);
      } else if (c === '/' && this.regexMayStart()) {
        this.regex();
      } else if (c === '<' && this.tagMayStart()) {
        this.element();
      } else if (c === '{') {
        depth++;
        this.i++;
      } else if (c === '}') {
        if (inBraces && depth === 0) {
          this.i++;
          return;
        }
        depth--;
        this.i++;
      } else {
        this.i++;
      }
    }
  }

  private quoted(q: string): string {
    const s = this.src;
    let out = '';
    this.i++;
    while (this.i < s.length && s[this.i] !== q) {
      if (s[this.i] === '\\') {
        out += s[this.i + 1] ?? '';
        this.i += 2;
      } else out += s[this.i++];
    }
    this.i++;
    return out;
  }

  private template(sink: Sink): void {
    const s = this.src;
    const start = this.i;
    let text = '';
    this.i++;
    while (this.i < s.length && s[this.i] !== '`') {
      if (s[this.i] === '\\') {
        text += s[this.i + 1] ?? '';
        this.i += 2;
      } else if (s[this.i] === '$' && s[this.i + 1] === '{') {
        this.i += 2;
        text += ' ';
        this.js(sink, true);
      } else text += s[this.i++];
    }
    this.i++;
    // A template with letters is composed text (its code uses, class names and keys, are no sink).
    if (sink && LETTER.test(text)) this.record(start, sink.kind === 'text' ? 'expression' : 'attribute', text.trim(), sink.kind === 'attribute' ? sink.name : undefined);
  }

  private regexMayStart(): boolean {
    const { ch, word } = this.before(this.i);
    return ch === '' || '(,=:[!&|?{};'.includes(ch) || word === 'return';
  }

  private regex(): void {
    const s = this.src;
    let inClass = false;
    this.i++;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === '\\') this.i += 2;
      else {
        this.i++;
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) break;
        else if (c === '\n') break;
      }
    }
    while (/[a-z]/.test(s[this.i] ?? '')) this.i++;
  }

  /** A JSX tag, not a generic (`useState<T>`) nor a comparison (`a < b`): see the file's comment. */
  private tagMayStart(): boolean {
    const next = this.src[this.i + 1] ?? '';
    if (!/[A-Za-z>]/.test(next)) return false;
    const { ch, word } = this.before(this.i);
    if (word === 'return' || word === 'default') return true;
    return ch === '' || '(,=:?{}[!&|>;'.includes(ch);
  }

  /** One element from its `<`: attributes, then children up to its closing tag. */
  private element(): void {
    const s = this.src;
    this.elements++;
    this.i++; // <
    const name = /^[\w.:-]*/.exec(s.slice(this.i))![0];
    this.i += name.length;
    for (;;) {
      while (/\s/.test(s[this.i] ?? '')) this.i++;
      const c = s[this.i];
      if (c === undefined) return;
      if (c === '/' && s[this.i + 1] === '>') {
        this.i += 2;
        return;
      }
      if (c === '>') {
        this.i++;
        break;
      }
      if (c === '{') {
        this.i++;
        this.js(null, true); // {...spread}
        continue;
      }
      const attr = /^[\w:-]+/.exec(s.slice(this.i))?.[0] ?? '';
      if (!attr) {
        this.i++;
        continue;
      }
      this.i += attr.length;
      while (/\s/.test(s[this.i] ?? '')) this.i++;
      if (s[this.i] !== '=') continue;
      this.i++;
      while (/\s/.test(s[this.i] ?? '')) this.i++;
      const read = READ_ATTRIBUTES.has(attr);
      const v = s[this.i];
      if (v === '"' || v === "'") {
        const start = this.i;
        const value = this.quoted(v);
        if (read && LETTER.test(value)) this.record(start, 'attribute', value, attr);
      } else if (v === '{') {
        this.i++;
        this.js(read ? { kind: 'attribute', name: attr } : null, true);
      }
    }
    this.children();
  }

  private children(): void {
    const s = this.src;
    let textStart = this.i;
    const flush = (): void => {
      const text = s.slice(textStart, this.i);
      if (LETTER.test(text)) this.record(textStart + (text.length - text.trimStart().length), 'text', text.replace(/\s+/g, ' ').trim());
    };
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === '{') {
        flush();
        this.i++;
        this.js({ kind: 'text' }, true);
        textStart = this.i;
      } else if (c === '<' && s[this.i + 1] === '/') {
        flush();
        this.i = s.indexOf('>', this.i) + 1;
        return;
      } else if (c === '<') {
        flush();
        this.element();
        textStart = this.i;
      } else this.i++;
    }
  }
}

/** For the scanner's own test: the number of elements it read in `source`. */
export function elementCount(source: string): number {
  const scanner = new Scanner(source);
  scanner.run();
  return scanner.elements;
}
