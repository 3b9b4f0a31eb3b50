import { useState } from 'react';

const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

const same = (x: readonly string[], y: readonly string[]): boolean => x.length === y.length && x.every((v, i) => v === y[i]);

interface Props {
  label: string;
  lines: readonly string[];
  placeholder: string;
  onChange(lines: string[]): void;
}

/**
 * A list of short texts, one per line (synonyms, acceptable names, words that tick a finding). The text typed is
 * kept as typed (a new empty line included) while it says the same list as the case; an undo that changes the
 * list brings the field back to it.
 */
export function LinesField({ label, lines, placeholder, onChange }: Props) {
  const [text, setText] = useState(lines.join('\n'));
  const shown = same(linesOf(text), lines) ? text : lines.join('\n');
  return (
    <label>
      {label}
      <textarea
        rows={Math.max(2, lines.length + 1)}
        value={shown}
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          const list = linesOf(e.target.value);
          if (!same(list, lines)) onChange(list);
        }}
      />
    </label>
  );
}
