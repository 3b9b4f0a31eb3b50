import { messages } from '../i18n/messages';

const m = messages.local;

export type Skipped = Array<{ name: string; reason: string }>;

/** The files of a pick that are not shown, each with the reason. */
export function SkippedList({ skipped }: { skipped: Skipped }) {
  if (skipped.length === 0) return null;
  return (
    <details className="skipped-files" open={skipped.length <= 5}>
      <summary>{m.skipped(skipped.length)}</summary>
      <ul aria-label={m.skippedList}>
        {skipped.map((s, i) => (
          <li key={i}>
            {s.name}: {s.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
