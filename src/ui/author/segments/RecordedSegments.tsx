import { useEffect, useMemo, useState } from 'react';
import { setSegmentText } from '../../../case/authoring';
import { useAuthor } from '../author-context';
import { ProblemText } from '../ProblemText';
import { messages } from '../../i18n/messages';
import { moveBoundary, segmentEnd } from './boundaries';
import { clockTenths } from './clock-tenths';
import { useRecordingWaveform } from './use-recording-waveform';
import { useSegmentPlayer } from './use-segment-player';
import { Waveform } from './Waveform';
import './recorded-segments.css';

const m = messages.recordedSegments;

/**
 * The draft's segments against its narration recording: the waveform with every boundary draggable, and a list
 * where each segment has its times, a button that plays just that stretch, and a field for what was said, marked
 * "to write" while empty. Every change is an edit of the author store (undo, redo, live checks).
 */
export function RecordedSegments({ recording }: { recording: File }) {
  const transcript = useAuthor((s) => s.draft.transcript);
  const caseDuration = useAuthor((s) => s.draft.duration);
  const problems = useAuthor((s) => s.problems);
  const change = useAuthor((s) => s.edit);
  const select = useAuthor((s) => s.select);
  const wave = useRecordingWaveform(recording);
  const player = useSegmentPlayer();
  const [src, setSrc] = useState<string | undefined>(undefined);
  // Made and revoked by one effect: a URL revoked by a cleanup is never handed to the audio element again.
  useEffect(() => {
    const url = URL.createObjectURL(recording);
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [recording]);

  const duration = wave.state === 'ready' ? wave.duration : (caseDuration ?? 0);
  const ends = useMemo(() => transcript.map((_, i) => segmentEnd(transcript, i, duration)), [transcript, duration]);
  const toWrite = transcript.filter((s) => !s.text.trim()).length;

  return (
    <section className="recorded-segments" aria-label={m.region}>
      <h3>{m.heading}</h3>
      <p className="muted">{m.intro}</p>
      {wave.state === 'decoding' && <p className="muted">{m.decoding}</p>}
      {wave.state === 'failed' && <p role="alert">{m.failed(wave.reason)}</p>}
      {wave.state === 'ready' && (
        <Waveform
          peaks={wave.peaks}
          duration={wave.duration}
          transcript={transcript}
          ends={ends}
          playhead={player.time}
          onMove={(id, kind, to, gesture) => change((d) => moveBoundary(d, id, kind, to, wave.duration), gesture)}
        />
      )}
      <audio ref={player.audio} src={src} preload="auto" className="segment-audio" />
      <p className="muted" role="status">
        {m.toWriteCount(toWrite)}
      </p>
      <ol className="recorded-list" aria-label={m.list}>
        {transcript.map((seg, i) => {
          const n = i + 1;
          const playing = player.playing === i;
          const empty = !seg.text.trim();
          return (
            <li key={seg.id} className={empty ? 'to-write' : undefined}>
              <div className="row">
                <button
                  type="button"
                  className="segment-play"
                  aria-label={playing ? m.stop(n) : m.play(n)}
                  aria-pressed={playing}
                  onClick={() => {
                    if (playing) return player.stop();
                    // The viewer shows the segment's view while it is heard.
                    select(seg.id);
                    player.play(i, seg.start, ends[i] ?? seg.start);
                  }}
                >
                  {playing ? '■' : '▶'}
                </button>
                <span className="segment-time">{m.times(clockTenths(seg.start), clockTenths(ends[i] ?? seg.start))}</span>
                {empty && <span className="to-write-mark">{m.toWrite}</span>}
                {wave.state === 'ready' && seg.start >= wave.duration && <span className="muted">{m.pastEnd}</span>}
              </div>
              <textarea
                rows={2}
                aria-label={m.words(n)}
                value={seg.text}
                placeholder={messages.authorAnswers.placeholders.segment}
                onFocus={() => select(seg.id)}
                onChange={(e) => change((d) => setSegmentText(d, seg.id, e.target.value))}
              />
              <ProblemText problems={problems} prefix={`transcript[${i}].start`} />
              <ProblemText problems={problems} prefix={`transcript[${i}].end`} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
