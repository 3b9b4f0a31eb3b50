import { cueForStep } from '../../case/timeline';
import type { SeriesSource } from '../../viewer/types';
import { useLesson } from '../case-page/lesson-context';

/** What the next click brings: its title, its opening words and what each viewport will show. */
export function NextStepPreview({ series }: { series: ReadonlyMap<string, SeriesSource> }) {
  const timeline = useLesson((s) => s.timeline);
  const stepIndex = useLesson((s) => s.stepIndex);
  const next = timeline.steps[stepIndex + 1];
  return (
    <section className="next-step" aria-label="Next step">
      <h2>Next</h2>
      {next ? (
        <>
          <p className="next-title">
            Step {next.index + 1}: {next.title}
          </p>
          <p className="muted">{timeline.segments[next.firstSegment]?.text}</p>
          <ul className="next-views">
            {Object.entries(cueForStep(timeline, next.index).viewports).map(([id, vp]) => {
              const source = series.get(vp.series);
              const count = source && 'files' in source ? ` of ${source.files.length}` : '';
              const arrows = vp.arrows.length > 0 ? `, ${vp.arrows.length} arrow${vp.arrows.length > 1 ? 's' : ''}` : '';
              return (
                <li key={id}>
                  {source?.label ?? vp.series}: image {vp.imageIndex + 1}
                  {count}
                  {vp.preset ? `, ${vp.preset} window` : ''}
                  {arrows}
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <p className="muted">This is the last step.</p>
      )}
    </section>
  );
}
