import type { Ref } from 'react';
import { formatClock } from '../../case/time';
import type { TimedSegment } from '../../case/timeline';

/** One transcript segment as a button that moves the lesson there; the current one carries aria-current. */
export function SegmentButton({
  segment,
  current,
  onGo,
  ref,
}: {
  segment: TimedSegment;
  current: boolean;
  onGo(index: number): void;
  ref?: Ref<HTMLButtonElement> | undefined;
}) {
  return (
    <button
      type="button"
      className="segment"
      data-segment-id={segment.id}
      aria-current={current ? 'true' : undefined}
      ref={ref}
      onClick={() => onGo(segment.index)}
    >
      <span className="segment-time">{formatClock(segment.start)}</span>
      <span className="segment-text">{segment.text}</span>
    </button>
  );
}
