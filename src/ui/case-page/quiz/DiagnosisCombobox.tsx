import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { recognise, suggest } from '../../../case/suggest';
import { listPlacement, MIN_LIST_PX, visibleBounds } from './list-placement';
import { messages } from '../../i18n/messages';

const m = messages.quizScore;

interface Props {
  label: string;
  /** The suggestion list's accessible name. */
  listLabel: string;
  value: string;
  onChange(value: string): void;
  /** Below the field, what the list should not cover when it can go elsewhere (the form's Commit button). */
  keepClear?: RefObject<HTMLElement | null>;
}

/** The list's box, fixed to the viewport (CSS pixels): `top` when below the field, `bottom` when above it. */
interface ListBox {
  left: number;
  width: number;
  maxHeight: number;
  top?: number;
  bottom?: number;
}

const GAP = 2;
const sameBox = (a: ListBox, b: ListBox): boolean =>
  (['left', 'width', 'maxHeight', 'top', 'bottom'] as const).every((k) => Math.abs((a[k] ?? -1) - (b[k] ?? -1)) < 0.5);

/** Suggestions appear only once two letters are typed: a list of hundreds on focus would help nobody. */
const MIN_PREFIX = 2;

/**
 * A free-text diagnosis with suggestions from the shared vocabulary (`case/suggest.ts`; never the case's own, which
 * would give its answers away), as an ARIA 1.2 combobox: arrows move through the list, Enter takes the highlighted
 * name, Escape closes it. Under the field, what the shared vocabulary recognises the line as, or that it does not:
 * the learner knows before committing whether a term will be understood; a line it does not know is said to be
 * compared with the case's own answer when scored (the same words whatever the case, so nothing leaks). Anything
 * typed counts. The list floats over the page, so opening and closing it moves nothing below.
 */
export function DiagnosisCombobox({ label, listLabel, value, onChange, keepClear }: Props) {
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
    recognised === undefined ? '' : recognised === null ? m.notInCommonList : recognised.spelling ? m.recognisedSpelling(recognised.name) : m.recognised(recognised.name);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [placement, setPlacement] = useState<ListBox | null>(null);
  // The list floats fixed over the page (list-placement.ts): placed before paint each time it opens or changes, and
  // again when anything scrolls or the viewport changes (a phone's keyboard) while it is open.
  useLayoutEffect(() => {
    if (!expanded) return;
    const place = (): void => {
      const field = input.current;
      const ul = list.current;
      if (!field || !ul) return;
      const box = field.getBoundingClientRect();
      const bounds = visibleBounds();
      const clear = keepClear?.current?.getBoundingClientRect().top;
      const clearBounds = clear !== undefined && clear > box.bottom ? { top: bounds.top, bottom: Math.min(bounds.bottom, clear) } : bounds;
      // Clear of the commit row if there is room for a few names, else within what can be seen, else a short list below.
      const at = listPlacement(box, clearBounds, ul.scrollHeight) ?? listPlacement(box, bounds, ul.scrollHeight) ?? { above: false, maxHeight: MIN_LIST_PX };
      const next: ListBox = {
        left: box.left,
        width: box.width,
        maxHeight: at.maxHeight,
        ...(at.above ? { bottom: document.documentElement.clientHeight - box.top + GAP } : { top: box.bottom + GAP }),
      };
      setPlacement((p) => (p && sameBox(p, next) ? p : next));
    };
    place();
    const v = window.visualViewport;
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    v?.addEventListener('resize', place);
    v?.addEventListener('scroll', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
      v?.removeEventListener('resize', place);
      v?.removeEventListener('scroll', place);
    };
  }, [expanded, options.length, keepClear]);

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
      <div className="combobox-field">
        <input
          ref={input}
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
        <ul
          ref={list}
          id={listId}
          role="listbox"
          aria-label={listLabel}
          hidden={!expanded}
          style={placement ?? undefined}
        >
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
      </div>
      {hint && (
        <p id={hintId} className={`quiz-recognised${recognised ? '' : ' unknown'}`}>
          {hint}
        </p>
      )}
    </div>
  );
}
