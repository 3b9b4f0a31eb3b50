import { useEffect, useRef, useState } from 'react';
import type { KeyImage as KeyImageRef } from '../../case/key-image';
import type { WindowLevel } from '../../case/presets';
import { caseFileUrl } from '../../dicom/case-files';
import { drawKeyImage } from './key-image-client';
import './key-image.css';

type State = 'waiting' | 'ready' | 'placeholder';

/** Where a card's picture comes from: absolute URLs, and the cue's window (absent: the series default). */
export interface KeyImageUrls {
  file: string;
  middle?: string;
  window?: WindowLevel;
}

/** A bundled case's key image as URLs under its folder (refusing any path that leaves it), or undefined. */
export function bundledKeyImage(caseId: string, keyImage: KeyImageRef | undefined): KeyImageUrls | undefined {
  if (!keyImage) return undefined;
  try {
    const base = new URL(`cases/${encodeURIComponent(caseId)}/`, document.baseURI).href;
    return {
      file: caseFileUrl(base, keyImage.file),
      ...(keyImage.middle ? { middle: caseFileUrl(base, keyImage.middle) } : {}),
      ...(keyImage.window ? { window: keyImage.window } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * A library card's picture: the case's key image, drawn by a worker once the card is on screen (the list renders
 * first and never waits for it), or a neutral placeholder when the case has none the page can draw. Decorative
 * for assistive technology: the card's heading names the case.
 */
export function KeyImage({ source }: { source: KeyImageUrls | undefined }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<State>(source ? 'waiting' : 'placeholder');
  const file = source?.file;
  const middle = source?.middle;
  const center = source?.window?.center;
  const width = source?.window?.width;

  useEffect(() => {
    const el = box.current;
    if (!el || file === undefined) {
      setState('placeholder');
      return;
    }
    setState('waiting');
    let alive = true;
    const observer = new IntersectionObserver(
      (seen) => {
        if (!seen.some((s) => s.isIntersecting)) return;
        observer.disconnect();
        const maxSide = Math.ceil(el.clientWidth * Math.min(3, window.devicePixelRatio || 1));
        const win = center !== undefined && width !== undefined ? { center, width } : undefined;
        drawKeyImage({ file, ...(middle ? { middle } : {}), ...(win ? { window: win } : {}), maxSide }).then(
          (picture) => {
            const c = canvas.current;
            const context = c?.getContext('2d');
            if (!alive || !c || !context) return;
            c.width = picture.width;
            c.height = picture.height;
            context.putImageData(new ImageData(picture.rgba, picture.width, picture.height), 0, 0);
            setState('ready');
          },
          () => alive && setState('placeholder'),
        );
      },
      { rootMargin: '200px' },
    );
    observer.observe(el);
    return () => {
      alive = false;
      observer.disconnect();
    };
  }, [file, middle, center, width]);

  return (
    <div ref={box} className="key-image" data-state={state} aria-hidden="true">
      <canvas ref={canvas} hidden={state !== 'ready'} />
    </div>
  );
}
