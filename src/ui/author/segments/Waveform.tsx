import { useEffect, useLayoutEffect, useRef, useState } from 'react';
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

/** The widest canvas drawn, in device pixels (browsers refuse far larger ones): it bounds the scale. */
const MAX_CANVAS_PIXELS = 16_384;

/**
 * The narration's waveform with the segments' boundaries over it. Each boundary is a slider: dragged with a
 * pointer (mouse, pen or finger), or focused and moved with the arrow keys.
 */
export function Waveform({ peaks, duration, transcript, ends, playhead, onMove }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState<[number, number]>([0, 0]);
  const [viewWidth, setViewWidth] = useState(0);
  const keyGesture = useRef<string | null>(null);
  // The scale: how many widths of the panel the whole recording spans (1: all of it at once). A long take is
  // scaled up to place boundaries a second apart, and scrolled.
  const [scale, setScale] = useState(1);
  const keepCentre = useRef<number | null>(null);
  const maxScale = Math.max(1, Math.floor(MAX_CANVAS_PIXELS / Math.max(1, viewWidth * (window.devicePixelRatio || 1))));

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      setSize([el.clientWidth, el.clientHeight]);
      setViewWidth(scroller.current?.clientWidth ?? el.clientWidth);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new scale keeps the time at the middle of the view where it was.
  useLayoutEffect(() => {
    const s = scroller.current;
    if (!s || keepCentre.current === null) return;
    s.scrollLeft = keepCentre.current * s.scrollWidth - s.clientWidth / 2;
    keepCentre.current = null;
  }, [scale]);

  // A playing segment stays in view.
  useEffect(() => {
    const s = scroller.current;
    if (!s || playhead === null || duration <= 0) return;
    const x = (playhead / duration) * s.scrollWidth;
    if (x < s.scrollLeft || x > s.scrollLeft + s.clientWidth) s.scrollLeft = x - s.clientWidth * 0.1;
  }, [playhead, duration]);

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
    <>
      <div className="waveform-scroll" ref={scroller}>
        <div className="waveform" ref={box} style={{ width: `${Math.min(scale, maxScale) * 100}%` }}>
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
      </div>
      {maxScale > 1 && (
        <label className="waveform-scale">
          {m.scale}
          <input
            type="range"
            min={1}
            max={maxScale}
            step={1}
            value={Math.min(scale, maxScale)}
            aria-valuetext={m.scaleText(Math.min(scale, maxScale))}
            onChange={(e) => {
              const s = scroller.current;
              if (s) keepCentre.current = (s.scrollLeft + s.clientWidth / 2) / Math.max(1, s.scrollWidth);
              setScale(e.target.valueAsNumber);
            }}
          />
        </label>
      )}
    </>
  );
}
