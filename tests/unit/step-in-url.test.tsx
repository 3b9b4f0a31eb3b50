// @vitest-environment jsdom
/**
 * The address follows the lesson's steps, and the lesson follows the browser's back button, without taking the
 * address's own late updates for the browser moving: quick steps set the hash more than once before the first
 * hashchange event arrives (a learner pressing → through steps that show the same image).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse';
import type { ParsedCase } from '../../src/case/schema';
import { createLessonStore, type LessonStore } from '../../src/state/lesson-store';
import { useStepInUrl } from '../../src/ui/case-page/use-step-in-url';

function seed(): ParsedCase {
  const r = parseCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/epidural-aml/case.json'), 'utf8')));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

function Address({ store, caseId }: { store: LessonStore; caseId: string }) {
  useStepInUrl(store, caseId);
  return null;
}

/** Lets queued hashchange events and the hook's 100 ms deferred address run. */
const settle = (ms = 250): Promise<void> => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  window.history.replaceState(null, '', '#/');
});

it('keeps the last of several quick steps: the address catches up, the lesson does not go back', async () => {
  const lesson = seed();
  window.history.replaceState(null, '', `#/case/${lesson.id}/step/1`);
  const store = createLessonStore(lesson, 0);
  const { unmount } = render(<Address store={store} caseId={lesson.id} />);
  // Four presses of → inside one task: three addresses are set before any of their hashchange events is dispatched.
  for (let i = 0; i < 4; i++) store.getState().nextStep();
  expect(store.getState().stepIndex).toBe(4);
  await settle();
  expect(store.getState().stepIndex).toBe(4);
  expect(window.location.hash).toBe(`#/case/${lesson.id}/step/5`);
  unmount();
});

it("follows the browser's back button to the step in the address", async () => {
  const lesson = seed();
  window.history.replaceState(null, '', `#/case/${lesson.id}/step/1`);
  const store = createLessonStore(lesson, 0);
  const { unmount } = render(<Address store={store} caseId={lesson.id} />);
  store.getState().nextStep();
  await settle();
  store.getState().nextStep();
  await settle();
  expect(window.location.hash).toBe(`#/case/${lesson.id}/step/3`);
  window.history.back();
  await settle();
  expect(window.location.hash).toBe(`#/case/${lesson.id}/step/2`);
  expect(store.getState().stepIndex).toBe(1);
  unmount();
});
