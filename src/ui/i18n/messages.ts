/**
 * Where the UI gets its words. `Messages` is the shape of the English dictionary (`en.ts`): a language is an object
 * of that type, so the compiler refuses one with a key missing or a wording function of other parameters.
 * To add a language: write `src/ui/i18n/<lang>.ts` exporting `const <lang>: Messages = {...}` and list it in
 * LANGUAGES; the browser's preferred languages pick one, English otherwise (index.html's `lang="en"` should then
 * follow the choice, for screen readers' pronunciation).
 */
import { en } from './en';

export type Messages = typeof en;

/** The languages the UI speaks, by primary language subtag. */
const LANGUAGES: Readonly<Record<string, Messages>> = { en };

/** The first of `preferred` (BCP 47 tags, most wanted first) the UI speaks; English when none. */
export function messagesFor(preferred: readonly string[]): Messages {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (Object.hasOwn(LANGUAGES, primary)) return LANGUAGES[primary]!;
  }
  return en;
}

/** The UI's words for this browser, chosen once at start-up. */
export const messages: Messages = messagesFor(typeof navigator === 'undefined' ? [] : navigator.languages);

