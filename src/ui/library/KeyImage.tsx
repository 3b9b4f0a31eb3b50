import { useEffect, useRef, useState } from 'react';
import type { KeyImage as KeyImageRef } from '../../case/key-image';
import { caseFileUrl } from '../../dicom/case-files';
import { drawKeyImage } from './key-image-client';
import './key-image.css';

type State = 'waiting' | 'ready' | 'placeholder';

/** The key image's files as URLs under the case's folder (refusing any path that leaves it), or undefined. */
function urlsOf(caseId: string, file: string | undefined, middle: string | undefined): { file: string; middle?: string } | undefined {
  if (file === undefined) return undefined;
  try {
    const base = new URL(`cases/${encodeURIComponent(caseId)}/`, document.baseURI).href;
    const url = caseFileUrl(base, file);
    return middle ? { file: url, middle: caseFileUrl(base, middle) } : { file: url };
  } catch {
    return undefined;
  }
}

/**
 * A library card's picture: the case's key image, drawn by a worker once the card is on screen (the list renders
 * first and never waits for it), or a neutral placeholder when the case has none the page can draw. Decorative
 * for assistive technology: the card's heading names the case.
 */
export function KeyImage({ caseId, keyImage }: { caseId: string; keyImage: KeyImageRef | undefined }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<State>(keyImage ? 'waiting' : 'placeholder');
  const file = keyImage?.file;
  const middle = keyImage?.middle;
  const center = keyImage?.window?.center;
  const width = keyImage?.window?.width;

  useEffect(() => {
    const el = box.current;
    const urls = urlsOf(caseId, file, middle);
    if (!el || !urls) {
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
        drawKeyImage({ ...urls, ...(win ? { window: win } : {}), maxSide }).then(
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
  }, [caseId, file, middle, center, width]);

  return (
    <div ref={box} className="key-image" data-state={state} aria-hidden="true">
      <canvas ref={canvas} hidden={state !== 'ready'} />
    </div>
  );
}
