import { useEffect, useRef, useState } from 'react';
import { boundariesOf, type Boundary, type BoundaryKind } from './boundaries';
import { drawWaveform, type WaveformPicture } from './draw-waveform';
import { clockTenths } from './clock-tenths';
import { messages } from '../../i18n/messages';
import type { Segment } from '../../../case/schema';

const m = messages.recordedSegments;

/** Arrow keys move a focused boundary by a tenth of a second; with Shift, by a second. */
const STEP = 0.1;
const BIG_STEP = 1;

interface Props {
  peaks: Float32Array;
  duration: number;
  transcript: readonly Segment[];
  ends: readonly number[];
  playhead: number | null;
  /** A boundary moved; `gesture` names one drag or one run of key presses, which undo takes back as one step. */
  onMove(segmentId: string, kind: BoundaryKind, to: number, gesture: string): void;
}

let gestureSerial = 0;

/**
 * The narration's waveform with the segments' boundaries over it. Each boundary is a slider: dragged with a
 * pointer (mouse, pen or finger), or focused and moved with the arrow keys.
 */
export function Waveform({ peaks, duration, transcript, ends, playhead, onMove }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<[number, number]>([0, 0]);
  const keyGesture = useRef<string | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize([el.clientWidth, el.clientHeight]));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!canvas.current || size[0] === 0) return;
    const picture: WaveformPicture = {
      peaks,
      duration,
      segments: transcript.map((s, i) => ({ start: s.start, end: ends[i] ?? s.start, toWrite: !s.text.trim() })),
      playhead,
    };
    drawWaveform(canvas.current, size[0], size[1], picture);
  }, [peaks, duration, transcript, ends, playhead, size]);

  const timeAt = (clientX: number): number => {
    const r = box.current!.getBoundingClientRect();
    return ((clientX - r.left) / Math.max(1, r.width)) * duration;
  };

  const label = (b: Boundary): string => (b.kind === 'start' ? m.startOf(b.index + 1) : m.endOf(b.index + 1));

  return (
    <div className="waveform" ref={box}>
      <canvas ref={canvas} className="waveform-canvas" aria-hidden="true" />
      {boundariesOf(transcript, duration).map((b) => (
        <div
          key={`${b.segmentId}-${b.kind}`}
          role="slider"
          tabIndex={0}
          className={`boundary ${b.kind}`}
          style={{ left: `${duration > 0 ? Math.min(100, (b.at / duration) * 100) : 0}%` }}
          aria-label={label(b)}
          aria-valuemin={b.min}
          aria-valuemax={b.max}
          aria-valuenow={b.at}
          aria-valuetext={clockTenths(b.at)}
          aria-orientation="horizontal"
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            e.preventDefault();
            e.currentTarget.focus();
            e.currentTarget.setPointerCapture(e.pointerId);
            e.currentTarget.dataset.gesture = `drag-${++gestureSerial}`;
          }}
          onPointerMove={(e) => {
            const gesture = e.currentTarget.dataset.gesture;
            if (gesture && e.currentTarget.hasPointerCapture(e.pointerId)) onMove(b.segmentId, b.kind, timeAt(e.clientX), gesture);
          }}
          onPointerUp={(e) => void delete e.currentTarget.dataset.gesture}
          onPointerCancel={(e) => void delete e.currentTarget.dataset.gesture}
          onBlur={() => void (keyGesture.current = null)}
          onKeyDown={(e) => {
            const sign = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
            if (!sign) return;
            e.preventDefault();
            keyGesture.current ??= `keys-${++gestureSerial}`;
            onMove(b.segmentId, b.kind, b.at + sign * (e.shiftKey ? BIG_STEP : STEP), keyGesture.current);
          }}
        />
      ))}
    </div>
  );
}
