/**
 * Undo by edit, not by keystroke: the author store asks which field is being typed into, and edits made while the
 * same field keeps the focus merge into one step of the history. A field left and entered again starts a new step.
 */
const ids = new WeakMap<Element, number>();
let nextId = 1;
let focusSerial = 0;
let listening = false;

/** Fields where typing happens; a button, checkbox or select makes each change a step of its own. */
function isTypingField(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && /^(text|search|number|url|email|)$/.test(el.type);
}

/** The merge key of the field that has the focus now, or undefined when no text field has it. */
export function focusedFieldKey(): string | undefined {
  if (!listening) {
    listening = true;
    document.addEventListener('focusin', () => void focusSerial++, true);
  }
  const el = document.activeElement;
  if (!isTypingField(el)) return undefined;
  let id = ids.get(el);
  if (id === undefined) ids.set(el, (id = nextId++));
  return `field-${id}-${focusSerial}`;
}
