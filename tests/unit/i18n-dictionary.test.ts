/**
 * The UI dictionary (src/ui/i18n): every entry has words, wording functions make sentences of their parameters,
 * the accessible names other tests and tools rely on (../shared/notes/ui-hooks.md) are there word for word, and a
 * second language typed `Messages` must have every key. The type checks below are compile-time: `npm run
 * typecheck` (tsc over tests/) fails if a `@ts-expect-error` line stops being an error.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/i18n/en';
import { messages, messagesFor, type Messages } from '../../src/ui/i18n/messages';

type Entry = { path: string; value: unknown };

function entries(node: unknown, path: string): Entry[] {
  if (typeof node === 'object' && node !== null) return Object.entries(node).flatMap(([k, v]) => entries(v, path ? `${path}.${k}` : k));
  return [{ path, value: node }];
}

/** A sample sentence from a wording function: numbers fit every parameter type here (strings interpolate them). */
function sample(f: (...args: number[]) => unknown): unknown {
  return f(...Array.from({ length: f.length }, () => 2));
}

describe('the English dictionary', () => {
  const all = entries(en, '');

  it('has words in every entry, and every wording function makes a sentence', () => {
    expect(all.length).toBeGreaterThan(250);
    const bad = all.flatMap(({ path, value }) => {
      const text = typeof value === 'function' ? sample(value as (...args: number[]) => unknown) : value;
      if (typeof text !== 'string') return [`${path}: ${typeof text}, not text`];
      if (text.trim() === '') return [`${path}: empty`];
      if (/undefined|NaN|\[object /.test(text)) return [`${path}: ${JSON.stringify(text)}`];
      return [];
    });
    expect(bad).toEqual([]);
  });

  it('holds the stable accessible names word for word', () => {
    expect(en.casePage.steps.next).toBe('Next step');
    expect(en.casePage.steps.previous).toBe('Previous step');
    expect(en.casePage.reveal.revealNow).toBe('Reveal now');
    expect(en.casePage.reveal.kinds.differential).toBe('Differential diagnosis');
    expect(en.casePage.transcript.region).toBe('Transcript');
    expect(en.casePage.playback.play).toBe('Play');
    expect(en.casePage.playback.pause).toBe('Pause');
    expect(en.casePage.returnToLesson).toBe('Return to lesson');
    expect(en.presenter.openConsole).toBe('Open presenter console');
    expect(en.local.skippedList).toBe('Skipped files');
    expect(en.viewer.viewport.ready('MR sagittal T1 pre-contrast', 7, 15)).toBe('MR sagittal T1 pre-contrast, image 7 of 15');
  });

  it('words plurals and optional parts as the pages always have', () => {
    expect(en.casePage.stepLink(99, 6, 6)).toBe('This link asks for step 99, but the case has 6 steps (1 to 6): showing step 6.');
    expect(en.casePage.stepLink(2, 1, 1)).toBe('This link asks for step 2, but the case has 1 step (1 to 1): showing step 1.');
    expect(en.casePage.playback.chapter(3, null)).toBe('Chapter 3');
    expect(en.casePage.playback.chapter(3, 'Findings')).toBe('Chapter 3: Findings');
    expect(en.presenter.next.view('CT', 4, null, null, 0)).toBe('CT: image 4');
    expect(en.presenter.next.view('CT', 4, 20, 'ct-bone', 1)).toBe('CT: image 4 of 20, ct-bone window, 1 arrow');
    expect(en.package.notice.notDeidentified(1)).toBe(
      '1 DICOM file does not say it was de-identified (PatientIdentityRemoved is not YES): treat it as patient data.',
    );
  });
});

describe('choosing a language', () => {
  it('takes the first preferred language the UI speaks, else English', () => {
    expect(messagesFor(['en-GB'])).toBe(en);
    expect(messagesFor(['xx', 'EN'])).toBe(en);
    expect(messagesFor(['constructor'])).toBe(en); // not a language, whatever the object's prototype holds
    expect(messagesFor([])).toBe(en);
    expect(messages).toBe(en); // the only language so far
  });
});

describe('a second language typed Messages', () => {
  it('must have every key, and wording functions of the same parameters', () => {
    // A complete language compiles (here a copy with one sentence reworded).
    const complete: Messages = { ...en, casePage: { ...en.casePage, steps: { ...en.casePage.steps, position: (s, n) => `${s}/${n}` } } };
    expect(complete.casePage.steps.position(1, 6)).toBe('1/6');

    const { next: _missing, ...stepsWithoutNext } = en.casePage.steps;
    // @ts-expect-error: a language without casePage.steps.next is refused
    const missingKey: Messages = { ...en, casePage: { ...en.casePage, steps: stepsWithoutNext } };
    // @ts-expect-error: a wording function must take the parameters English's takes (numbers here, not text)
    const wrongParameters: Messages = { ...en, quiz: { ...en.quiz, form: { ...en.quiz.form, diagnosis: (n: string) => n } } };
    // @ts-expect-error: an entry that is text in English is text in every language
    const notText: Messages = { ...en, common: { ...en.common, appName: 42 } };
    expect([missingKey, wrongParameters, notText]).toHaveLength(3);
  });
});
