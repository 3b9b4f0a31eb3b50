/** The presenter protocol's message checks, the console route, and presentation state in the lesson store. */
import { describe, expect, it } from 'vitest';
import { channelName, parseSyncMessage } from '../../src/ui/presenting/sync-messages';
import { asPresentable, consoleHref, parseHash, presentableHref, presentHref } from '../../src/ui/route';
import { parseHandoff } from '../../src/ui/presenting/case-handoff';
import { createLessonStore } from '../../src/state/lesson-store';
import { minimalCase } from '../fixtures/minimal-case';
import { parseCase } from '../../src/case/parse';
import type { ParsedCase } from '../../src/case/schema';

function lessonOf(): ParsedCase {
  const r = parseCase(minimalCase());
  if (!r.ok) throw new Error('the minimal case is invalid');
  return r.value;
}

describe('presenter sync messages', () => {
  it('accepts each kind of message the windows send', () => {
    const state = { kind: 'state', from: 'console', segmentIndex: 3, revealedThrough: 2, revealedByHand: ['ddx'], revealFloor: -1, blanked: false };
    expect(parseSyncMessage(state)).toEqual(state);
    expect(parseSyncMessage({ kind: 'hello', from: 'audience' })).toEqual({ kind: 'hello', from: 'audience' });
    const view = { kind: 'view', from: 'console', viewportId: 'left', imageIndex: 4, voi: { center: 40, width: 400 } };
    expect(parseSyncMessage(view)).toEqual(view);
    expect(parseSyncMessage({ kind: 'scroll-answers', from: 'console', direction: 'down' })).not.toBeNull();
    expect(parseSyncMessage({ kind: 'answers-view', from: 'audience', above: false, below: true })).not.toBeNull();
  });

  it('refuses anything else: unknown kinds, wrong roles, extra fields, bad numbers', () => {
    expect(parseSyncMessage(null)).toBeNull();
    expect(parseSyncMessage('next')).toBeNull();
    expect(parseSyncMessage({ kind: 'jump', from: 'console' })).toBeNull();
    expect(parseSyncMessage({ kind: 'hello', from: 'projector' })).toBeNull();
    expect(parseSyncMessage({ kind: 'view', from: 'audience', viewportId: 'left', imageIndex: 1 })).toBeNull();
    expect(parseSyncMessage({ kind: 'view', from: 'console', viewportId: 'left', imageIndex: -1 })).toBeNull();
    expect(parseSyncMessage({ kind: 'view', from: 'console', viewportId: 'left', imageIndex: 1, voi: { center: 1, width: 0 } })).toBeNull();
    expect(parseSyncMessage({ kind: 'hello', from: 'console', script: '<img onerror=alert(1)>' })).toBeNull();
    expect(parseSyncMessage({ kind: 'scroll-answers', from: 'audience', direction: 'down' })).toBeNull();
  });

  it('gives each case its own channel', () => {
    expect(channelName('a')).not.toBe(channelName('b'));
  });
});

describe('console route', () => {
  it('round-trips the console link and keeps the case routes', () => {
    expect(parseHash(consoleHref('epidural-aml', 3))).toEqual({ page: 'console', caseId: 'epidural-aml', step: 3 });
    expect(parseHash('#/case/epidural-aml/step/2')).toEqual({ page: 'case', caseId: 'epidural-aml', step: 2 });
    expect(parseHash('#/console/../x').page).toBe('not-found');
  });

  it('gives a presentation neutral addresses, and leads back to the page presented', () => {
    expect(parseHash(presentHref('0123abcd4567ef89'))).toEqual({ page: 'present', session: '0123abcd4567ef89', console: false });
    expect(parseHash(presentHref('0123abcd4567ef89', true))).toEqual({ page: 'present', session: '0123abcd4567ef89', console: true });
    expect(parseHash('#/present/epidural-aml').page).toBe('not-found');
    expect(presentableHref({ page: 'case', caseId: 'x', step: 1 }, 4)).toBe('#/case/x/step/4');
    expect(presentableHref({ page: 'package', caseId: 'x' }, 4)).toBe('#/package/x');
    expect(asPresentable(parseHash('#/author/x'))).toBeNull();
  });
});

describe('case handoff to a console', () => {
  const origin = 'http://127.0.0.1:4173';
  const series = [{ key: 's1', label: 'MR', modality: 'MR', files: [{ name: 'a.dcm', url: `blob:${origin}/1b2c` }] }];
  it('takes a checked case and blob: images of this origin only', () => {
    const lesson = lessonOf();
    const m = parseHandoff({ kind: 'page-case', lesson, series }, origin);
    expect(m?.kind === 'page-case' && m.lesson.id).toBe(lesson.id);
    expect(parseHandoff({ kind: 'page-case', lesson, series: [{ ...series[0]!, files: [{ name: 'a', url: 'https://evil.example/a.dcm' }] }] }, origin)).toBeNull();
    expect(parseHandoff({ kind: 'page-case', lesson, series: [{ ...series[0]!, files: [{ name: 'a', url: 'blob:https://evil.example/1' }] }] }, origin)).toBeNull();
    expect(parseHandoff({ kind: 'page-case', lesson: { ...lesson, steps: [] }, series }, origin)).toBeNull();
    expect(parseHandoff({ kind: 'site-case', caseId: '../x' }, origin)).toBeNull();
    expect(parseHandoff({ kind: 'case-request' }, origin)).toEqual({ kind: 'case-request' });
  });
});

describe('presentation state', () => {
  it('presenting pauses the narration; blanking needs presentation mode; leaving it unblanks', () => {
    let t = 0;
    const store = createLessonStore(lessonOf(), 0, () => t);
    store.getState().setBlanked(true);
    expect(store.getState().blanked).toBe(false);
    store.getState().play();
    t = 1000;
    store.getState().setPresenting(true);
    expect(store.getState().clock.playing).toBe(false);
    store.getState().setBlanked(true);
    expect(store.getState().blanked).toBe(true);
    store.getState().setPresenting(false);
    expect(store.getState().blanked).toBe(false);
  });

  it("takes another window's reveal state, clamped to the case and its known items", () => {
    const lesson = lessonOf();
    const store = createLessonStore(lesson, 0);
    const ids = lesson.reveal.map((r) => r.id);
    store.getState().setReveal(99, new Set([...ids, 'not-an-item']));
    expect(store.getState().revealedThrough).toBe(store.getState().timeline.steps.length - 1);
    expect([...store.getState().revealedByHand].sort()).toEqual([...ids].sort());
    store.getState().setReveal(-5, new Set());
    expect(store.getState().revealedThrough).toBe(-1);
  });
});
