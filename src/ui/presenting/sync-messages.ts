/**
 * What the presenter console and the audience window tell each other over a BroadcastChannel. Both windows are
 * ours, but a message is still data from outside this page: it is checked before anything acts on it.
 *
 * - `hello` when a window opens: the other answers with its `state`, so a late or reloaded window catches up.
 * - `state` whenever the lesson position, the reveal or the blank screen changes, from either window (a clicker
 *   may be pointed at either); the receiver takes it as it stands.
 * - `view` from the console: the presenter scrolled or windowed a viewport; the audience shows the same.
 * - `return` from the console: "Return to lesson" after such changes.
 * - `scroll-answers` from the console: the audience's answers panel moves a screenful up or down (nobody can
 *   reach a projector's scroll bar).
 * - `answers-view` from the audience: whether its answers go on above or below what its panel shows.
 * - `bye` when a window closes; the other keeps working on its own.
 */
import { z } from 'zod';

export type SyncRole = 'audience' | 'console';

const Role = z.enum(['audience', 'console']);
const Count = z.number().int().min(-1).max(100_000);

const SyncMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('hello'), from: Role }),
  z.strictObject({ kind: z.literal('bye'), from: Role }),
  z.strictObject({
    kind: z.literal('state'),
    from: Role,
    segmentIndex: Count,
    revealedThrough: Count,
    revealedByHand: z.array(z.string().max(200)).max(200),
    revealFloor: Count,
    blanked: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('view'),
    from: z.literal('console'),
    viewportId: z.string().min(1).max(100),
    imageIndex: z.number().int().min(0).max(1_000_000),
    voi: z.strictObject({ center: z.number(), width: z.number().positive() }).optional(),
  }),
  z.strictObject({ kind: z.literal('return'), from: z.literal('console') }),
  z.strictObject({ kind: z.literal('scroll-answers'), from: z.literal('console'), direction: z.enum(['up', 'down']) }),
  z.strictObject({ kind: z.literal('answers-view'), from: z.literal('audience'), above: z.boolean(), below: z.boolean() }),
]);

export type SyncMessage = z.infer<typeof SyncMessageSchema>;

/** The message, or null for anything else (an older app's message, or noise). */
export function parseSyncMessage(data: unknown): SyncMessage | null {
  const r = SyncMessageSchema.safeParse(data);
  return r.success ? r.data : null;
}

/** One channel per case: two cases presented from one browser do not steer each other. */
export function channelName(caseId: string): string {
  return `ctv-presenter:${caseId}`;
}
