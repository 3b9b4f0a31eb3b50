import type { Step } from '../../case/schema';

/** A step picker's options, "n. title", in the case's order: shared by every editor that ties something to a step. */
export function StepOptions({ steps }: { steps: readonly Step[] }) {
  return (
    <>
      {steps.map((st, k) => (
        <option key={st.id} value={st.id}>
          {k + 1}. {st.title}
        </option>
      ))}
    </>
  );
}
