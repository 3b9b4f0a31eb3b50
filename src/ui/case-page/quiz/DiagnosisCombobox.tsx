import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { recognise, suggest } from '../../../case/suggest';
import { messages } from '../../i18n/messages';

const m = messages.quizScore;

interface Props {
  label: string;
  /** The suggestion list's accessible name. */
  listLabel: string;
  value: string;
  onChange(value: string): void;
}

/** Suggestions appear only once two letters are typed: a list of hundreds on focus would help nobody. */
const MIN_PREFIX = 2;

/**
 * A free-text diagnosis with suggestions from the shared vocabulary (`case/suggest.ts`; never the case's own, which
 * would give its answers away), as an ARIA 1.2 combobox: arrows move through the list, Enter takes the highlighted
 * name, Escape closes it. Under the field, what the shared vocabulary recognises the line as, or that it does not:
 * the learner knows before committing whether a term will be understood. Anything typed counts.
 */
export function DiagnosisCombobox({ label, listLabel, value, onChange }: Props) {
  const listId = useId();
  const hintId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = value.trim();
  const found: string[] = open && typed.length >= MIN_PREFIX ? suggest(typed, 6) : [];
  // Once the text is a name from the list, the list has done its job.
  const options = found.some((s) => s.toLowerCase() === typed.toLowerCase()) ? [] : found;
  const expanded = options.length > 0;
  const recognised = useMemo(() => (typed === '' ? undefined : recognise(typed)), [typed]);
  const hint =
    recognised === undefined ? '' : recognised === null ? m.notRecognised : recognised.spelling ? m.recognisedSpelling(recognised.name) : m.recognised(recognised.name);

  const take = (s: string): void => {
    onChange(s);
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
        aria-describedby={hint ? hintId : undefined}
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
            key={s}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: a click would first blur the input and close the list
            onMouseDown={(e) => {
              e.preventDefault();
              take(s);
            }}
          >
            {s}
          </li>
        ))}
      </ul>
      {hint && (
        <p id={hintId} className={`quiz-recognised${recognised ? '' : ' unknown'}`}>
          {hint}
        </p>
      )}
    </div>
  );
}
