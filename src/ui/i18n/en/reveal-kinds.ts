import type { RevealItem } from '../../../case/schema';

/** The names of the kinds of answer, the same in the case page's answers and in author mode's editor of them. */
export const revealKinds = {
  history: 'Clinical history',
  differential: 'Differential diagnosis',
  diagnosis: 'Final diagnosis',
  'teaching-point': 'Teaching point',
} satisfies Record<RevealItem['kind'], string>;
