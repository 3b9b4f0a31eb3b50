/**
 * Draws library cards' key images off the main thread: fetches the file, decodes its grey pixels
 * (`dicom/grey-pixels.ts`), windows it as the viewer would (the cue's window, else the series default from the
 * middle image: `viewer/window-level.ts`, pure functions whose only Cornerstone import is a type) and shrinks it.
 * No Cornerstone, codec or WebAssembly comes with it.
 */
import { decodeGreyImage, type GreyImage } from '../../dicom/grey-pixels';
import { defaultWindow, samplePixels } from '../../viewer/window-level';
import { renderCardPicture } from './key-image-render';
import type { KeyImageReply, KeyImageRequest } from './key-image-messages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<KeyImageRequest>) => void) | null;
  postMessage(message: KeyImageReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

async function imageAt(url: string): Promise<GreyImage> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return decodeGreyImage(new Uint8Array(await response.arrayBuffer()));
}

async function draw(request: KeyImageRequest): Promise<KeyImageReply> {
  const image = await imageAt(request.file);
  let window = request.window;
  if (!window) {
    // As seriesDefaultWindow: the middle image's header window, checked against its pixels; the shown image will
    // do when the middle one cannot be read.
    const middle = request.middle && request.middle !== request.file ? await imageAt(request.middle).catch(() => image) : image;
    window = defaultWindow(middle.headerWindow, samplePixels(middle.values));
  }
  return { id: request.id, ok: true, picture: renderCardPicture(image, window, request.maxSide) };
}

scope.onmessage = (event) => {
  const { id } = event.data;
  draw(event.data).then(
    (reply) => scope.postMessage(reply, reply.ok ? [reply.picture.rgba.buffer] : []),
    (e: unknown) => scope.postMessage({ id, ok: false, reason: e instanceof Error ? e.message : String(e) }, []),
  );
};
