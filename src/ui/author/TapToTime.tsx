import { useEffect, useRef, useState } from 'react';
import { setSegmentStart } from '../../case/authoring';
import { typingInto } from '../case-page/use-lesson-keys';
import { useAuthor, useAuthorStore } from './author-context';
import { keepRecording, narrationPath } from './draft-recording';
import { messages } from '../i18n/messages';

const m = messages.author.tapToTime;

interface Props {
  draftKey: string;
  recording: File | null;
  onRecording(file: File): void;
}

/**
 * Tap to time: with the narration recording playing, each tap (the button, or T) sets the selected segment's start
 * to the recording's time and selects the next one. Times can be nudged by 0.1 s afterwards. The recording becomes
 * the case's narration: kept with the draft in this browser, and exported with it.
 */
export function TapToTime({ draftKey, recording, onRecording }: Props) {
  const store = useAuthorStore();
  const selected = useAuthor((s) => s.selectedSegment);
  const narration = useAuthor((s) => s.draft.narration?.src);
  const media = useRef<HTMLAudioElement>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const tapRef = useRef<() => void>(() => undefined);

  // Made and revoked by one effect: a memoised URL is revoked by StrictMode's second run of effects, and kept.
  useEffect(() => {
    if (!recording) return setSrc(null);
    const url = URL.createObjectURL(recording);
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [recording]);

  useEffect(() => {
    const tap = (): void => {
      const s = store.getState();
      const at = media.current?.currentTime;
      if (at === undefined || !s.selectedSegment) return;
      const id = s.selectedSegment;
      s.edit((d) => setSegmentStart(d, id, at));
      const i = s.draft.transcript.findIndex((seg) => seg.id === id);
      const next = store.getState().draft.transcript[i + 1];
      if (next) s.select(next.id);
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key.toLowerCase() !== 't' || e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target) || !src) return;
      e.preventDefault();
      tap();
    };
    window.addEventListener('keydown', onKey);
    tapRef.current = tap;
    return () => window.removeEventListener('keydown', onKey);
  }, [store, src]);

  return (
    <section className="author-section" aria-label={m.region}>
      <h2>{m.heading}</h2>
      <label>
        {m.recording}
        <input
          type="file"
          accept="audio/*,video/*"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            onRecording(f);
            const kind = f.type.startsWith('video/') ? 'video' : 'audio';
            store.getState().edit((d) => ({ ...d, narration: { src: narrationPath(f.name), kind } }));
            void keepRecording(draftKey, f).then(setRefusal);
          }}
        />
      </label>
      {narration && src && <p className="muted">{m.kept(narration)}</p>}
      {refusal && <p role="alert">{m.notKept(refusal)}</p>}
      {src && (
        <>
          <audio ref={media} src={src} controls />
          <button type="button" aria-keyshortcuts="T" disabled={!selected} onClick={() => tapRef.current()}>
            {m.tap}
          </button>
        </>
      )}
    </section>
  );
}
