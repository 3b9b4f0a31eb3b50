import { useId, useState, type KeyboardEvent } from 'react';
import { suggest, type Suggestion } from '../../../case/quiz';
import type { VocabularyEntry } from '../../../case/schema';

interface Props {
  label: string;
  /** The suggestion list's accessible name. */
  listLabel: string;
  value: string;
  vocabulary: readonly VocabularyEntry[];
  onChange(value: string): void;
}

/** Suggestions appear only once two letters are typed: a list shown on focus would give the differential away. */
const MIN_PREFIX = 2;

/**
 * A free-text diagnosis with suggestions from the case's vocabulary (names and synonyms), as an ARIA 1.2
 * combobox: arrows move through the list, Enter takes the highlighted name, Escape closes it. Anything typed counts;
 * the suggestions only help spelling.
 */
export function DiagnosisCombobox({ label, listLabel, value, vocabulary, onChange }: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = value.trim();
  const found: Suggestion[] = open && typed.length >= MIN_PREFIX ? suggest(typed, vocabulary, 6) : [];
  // Once the text is a name from the list, the list has done its job.
  const options = found.some((s) => s.text.toLowerCase() === typed.toLowerCase()) ? [] : found;
  const expanded = options.length > 0;

  const take = (s: Suggestion): void => {
    onChange(s.text);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' && expanded) {
      setActive((a) => (a + 1) % options.length);
    } else if (e.key === 'ArrowUp' && expanded) {
      setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
    } else if (e.key === 'Enter' && expanded && options[active]) {
      take(options[active]);
    } else if (e.key === 'Escape' && expanded) {
      setOpen(false);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="combobox">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={listLabel} hidden={!expanded}>
        {options.map((s, i) => (
          <li
            key={`${s.id}-${s.text}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: a click would first blur the input and close the list
            onMouseDown={(e) => {
              e.preventDefault();
              take(s);
            }}
          >
            {s.text}
            {s.text !== s.name && <span className="muted"> ({s.name})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
