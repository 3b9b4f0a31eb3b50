/**
 * The shared diagnosis vocabulary (README.md): every area's lines joined, each line one vocabulary entry with an
 * id made from its name.
 */
import type { VocabularyEntry } from '../schema';
import { abdomen } from './abdomen';
import { chest } from './chest';
import type { DiagnosisLine } from './line';
import { msk } from './msk';
import { neuro } from './neuro';
import { peds } from './peds';
import { spine } from './spine';

const slug = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const entry = ([name, ...synonyms]: DiagnosisLine): VocabularyEntry => ({ id: slug(name), name, synonyms });

export const SHARED_VOCABULARY: readonly VocabularyEntry[] = [neuro, spine, chest, abdomen, msk, peds].flat().map(entry);
