/**
 * A new draft on other images may take the words of an old one: what the case is about and its answers, never
 * what belongs to the old images (series, views, arrows, segment timing). Answers revealed at the old case's
 * n-th step are revealed at the new one's n-th step, or its last.
 */
import type { Draft } from './authoring';

export function reuseText(target: Draft, source: Draft): Draft {
  const stepAt = (id: string): string => {
    const i = source.steps.findIndex((s) => s.id === id);
    return (target.steps[Math.min(Math.max(i, 0), target.steps.length - 1)] ?? target.steps[0])!.id;
  };
  return {
    ...target,
    title: source.title,
    unknownTitle: source.unknownTitle,
    summary: source.summary,
    tags: source.tags,
    spoilerTags: source.spoilerTags,
    audience: source.audience,
    difficulty: source.difficulty,
    vocabulary: source.vocabulary,
    reveal: source.reveal.map((r) => ({ ...r, revealAt: stepAt(r.revealAt) })),
  };
}
