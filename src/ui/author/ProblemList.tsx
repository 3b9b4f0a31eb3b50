import { scrollWithin } from '../scroll-within';
import { useAuthor } from './author-context';
import { authorProblem, problemUnder } from './problem-words';
import { messages } from '../i18n/messages';
import { StepsCleanup } from './StepsCleanup';

const m = messages.authorProblems;

/** The field of a problem on the page: the deepest ProblemText that stands for it, and the input beside it. */
function fieldFor(path: string): HTMLElement | null {
  const marks = [...document.querySelectorAll<HTMLElement>('[data-problem-for]')].filter((el) => problemUnder(path, el.dataset.problemFor ?? ''));
  const mark = marks.sort((a, b) => (b.dataset.problemFor ?? '').length - (a.dataset.problemFor ?? '').length)[0];
  return mark ?? null;
}

/**
 * Every problem of the draft in one list, in the author's words, each with "Show" to bring its field into view and
 * focus it: no problem is ever only a count. Export waits for the list to be empty.
 */
export function ProblemList() {
  const problems = useAuthor((s) => s.problems);
  const draft = useAuthor((s) => s.draft);
  const select = useAuthor((s) => s.select);
  const show = (path: string): void => {
    // A segment's fields are open only while it is selected.
    const seg = /^transcript\[(\d+)\]/.exec(path);
    const cue = /^cues\[(\d+)\]/.exec(path);
    const id = seg ? draft.transcript[Number(seg[1])]?.id : cue ? draft.cues[Number(cue[1])]?.at : path === 'cues' ? draft.transcript[0]?.id : undefined;
    if (id) select(id);
    requestAnimationFrame(() => {
      const mark = fieldFor(path);
      if (!mark) return;
      const box = mark.parentElement ?? mark;
      // Only the side panel scrolls: scrollIntoView would also scroll the page on a tablet, leaving the header off screen.
      scrollWithin(box);
      box.querySelector<HTMLElement>('input, textarea, select')?.focus({ preventScroll: true });
    });
  };
  // The cleanup stands apart from the list: what it says outlives the problems it cleared.
  return (
    <>
      <StepsCleanup />
      {problems.length > 0 && (
        <details className="problem-list" open>
          <summary>{m.listHeading(problems.length)}</summary>
          <ol>
            {problems.map((p, i) => {
              const said = authorProblem(p, draft);
              return (
                <li key={i}>
                  <strong>{said.field}</strong>: {said.message}{' '}
                  <button type="button" className="subtle" onClick={() => show(p.path)}>
                    {m.show}
                  </button>
                </li>
              );
            })}
          </ol>
        </details>
      )}
    </>
  );
}
