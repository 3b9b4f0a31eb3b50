import { useRef } from 'react';
import * as edit from '../../case/authoring';
import { formatClock } from '../../case/time';
import { ProblemText } from './ProblemText';
import { StepOptions } from './StepOptions';
import { useAuthor } from './author-context';
import { messages } from '../i18n/messages';
import { RecordedSegments } from './segments/RecordedSegments';

const m = messages.author.transcript;

/**
 * The transcript as an author edits it: every segment listed with its time and words; the selected one opens for
 * editing (text, start time with 0.1 s nudges, step) with split, merge, move, add and remove. Errors from the
 * checker stand under the segment they concern.
 */
/** `recording`: the draft's narration recording, when there is one: its segments get the waveform editor. */
export function TranscriptEditor({ recording }: { recording: File | null }) {
  const draft = useAuthor((s) => s.draft);
  const problems = useAuthor((s) => s.problems);
  const selected = useAuthor((s) => s.selectedSegment);
  const change = useAuthor((s) => s.edit);
  const select = useAuthor((s) => s.select);
  const text = useRef<HTMLTextAreaElement>(null);

  return (
    <section className="author-section" aria-label={m.region}>
      <h2>{m.heading}</h2>
      {recording && draft.narration && <RecordedSegments recording={recording} />}
      {!recording && draft.narration && (
        <p className="muted" role="note">
          {messages.recordedSegments.noRecording(draft.narration.src)}
        </p>
      )}
      <ol className="author-segments">
        {draft.transcript.map((seg, i) => {
          const n = i + 1;
          const cue = draft.cues.find((c) => c.at === seg.id);
          const arrows = cue ? Object.values(cue.viewports).reduce((k, vp) => k + vp.arrows.length, 0) : 0;
          const open = seg.id === selected;
          return (
            <li key={seg.id} className={open ? 'selected' : undefined}>
              <button type="button" className="segment-pick" aria-pressed={open} onClick={() => select(seg.id)}>
                <span className="segment-time">{formatClock(seg.start)}</span> {seg.text || <span className="muted">{messages.authorAnswers.placeholders.segment}</span>}
                <span className="muted cue-note">
                  {cue ? m.cueNote(Object.keys(cue.viewports).length, arrows) : ''}
                </span>
              </button>
              {open && (
                <div className="segment-edit">
                  <label>
                    {m.text(n)}
                    <textarea ref={text} rows={3} value={seg.text} placeholder={messages.authorAnswers.placeholders.segment} onChange={(e) => change((d) => edit.setSegmentText(d, seg.id, e.target.value))} />
                  </label>
                  <div className="row">
                    <label>
                      {m.start(n)}
                      <input
                        type="number"
                        step={0.1}
                        min={0}
                        value={seg.start}
                        onChange={(e) => Number.isFinite(e.target.valueAsNumber) && change((d) => edit.setSegmentStart(d, seg.id, e.target.valueAsNumber))}
                      />
                    </label>
                    <button type="button" onClick={() => change((d) => edit.nudgeSegment(d, seg.id, -0.1))}>
                      {m.earlier}
                    </button>
                    <button type="button" onClick={() => change((d) => edit.nudgeSegment(d, seg.id, 0.1))}>
                      {m.later}
                    </button>
                    <label>
                      {m.step(n)}
                      <select value={seg.step} onChange={(e) => change((d) => edit.setSegmentStep(d, seg.id, e.target.value))}>
                        <StepOptions steps={draft.steps} />
                      </select>
                    </label>
                  </div>
                  <div className="row">
                    <button
                      type="button"
                      onClick={() => {
                        const r = edit.addSegment(draft, seg.id);
                        change(() => r.draft);
                        select(r.id);
                      }}
                    >
                      {m.addAfter}
                    </button>
                    <button
                      type="button"
                      onClick={() => {
                        const at = text.current?.selectionStart ?? Math.floor(seg.text.length / 2);
                        const r = edit.splitSegment(draft, seg.id, at);
                        change(() => r.draft);
                      }}
                    >
                      {m.split}
                    </button>
                    <button type="button" disabled={i === draft.transcript.length - 1} onClick={() => change((d) => edit.mergeWithNext(d, seg.id))}>
                      {m.merge}
                    </button>
                    <button type="button" disabled={i === 0} onClick={() => change((d) => edit.moveSegment(d, seg.id, -1))}>
                      {m.moveUp}
                    </button>
                    <button type="button" disabled={i === draft.transcript.length - 1} onClick={() => change((d) => edit.moveSegment(d, seg.id, 1))}>
                      {m.moveDown}
                    </button>
                    <button
                      type="button"
                      disabled={draft.transcript.length === 1}
                      onClick={() => {
                        select(draft.transcript[i === 0 ? 1 : i - 1]?.id ?? null);
                        change((d) => edit.removeSegment(d, seg.id));
                      }}
                    >
                      {m.remove}
                    </button>
                  </div>
                </div>
              )}
              <ProblemText problems={problems} prefix={`transcript[${i}]`} />
              {/* The segment's view (its cue) is checked too: its problems stand here, where "Capture view" mends them. */}
              {cue && <ProblemText problems={problems} prefix={`cues[${draft.cues.indexOf(cue)}]`} />}
              {i === 0 && <ProblemText problems={problems} prefix="cues" exact />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
