/**
 * The Clean Descriptors option as this importer does it: a description is kept word for word when every word
 * in it is on our list of technical words (`descriptor-words.ts`); otherwise only its listed words are kept
 * ("T1 SAG Dr Smith" becomes "T1 SAG"); with none left, the element is removed. An unknown word is never
 * kept, so a name or an ID cannot pass, whatever it looks like; the cost is that an unusual but harmless word
 * is dropped too.
 */
import { isDescriptorWord } from './descriptor-words';

export type CleanOutcome = 'kept' | 'reduced' | 'removed';

export interface CleanResult {
  /** The text to write, or null to remove the element. */
  value: string | null;
  outcome: CleanOutcome;
}

export function cleanDescriptor(text: string): CleanResult {
  const tokens = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const allowed = tokens.filter(isDescriptorWord);
  if (allowed.length === tokens.length) {
    // Only letters and digits carry meaning; anything else left in the text must be plain ASCII punctuation.
    if (/^[\x20-\x7e]*$/.test(text)) return { value: text, outcome: 'kept' };
  }
  if (allowed.length === 0) return { value: null, outcome: 'removed' };
  return { value: allowed.join(' '), outcome: 'reduced' };
}
