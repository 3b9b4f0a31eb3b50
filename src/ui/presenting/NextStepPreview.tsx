import { cueForStep } from '../../case/timeline';
import type { SeriesSource } from '../../viewer/types';
import { useLesson } from '../case-page/lesson-context';
import { messages } from '../i18n/messages';

const m = messages.presenter.next;

/** What the next click brings: its title, its opening words and what each viewport will show. */
export function NextStepPreview({ series }: { series: ReadonlyMap<string, SeriesSource> }) {
  const timeline = useLesson((s) => s.timeline);
  const stepIndex = useLesson((s) => s.stepIndex);
  const next = timeline.steps[stepIndex + 1];
  return (
    <section className="next-step" aria-label={m.region}>
      <h2>{m.heading}</h2>
      {next ? (
        <>
          <p className="next-title">{m.step(next.index + 1, next.title)}</p>
          <p className="muted">{timeline.segments[next.firstSegment]?.text}</p>
          <ul className="next-views">
            {Object.entries(cueForStep(timeline, next.index).viewports).map(([id, vp]) => {
              const source = series.get(vp.series);
              const count = source && 'files' in source ? source.files.length : null;
              return <li key={id}>{m.view(source?.label ?? vp.series, vp.imageIndex + 1, count, vp.preset ?? null, vp.arrows.length)}</li>;
            })}
          </ul>
        </>
      ) : (
        <p className="muted">{m.last}</p>
      )}
    </section>
  );
}
