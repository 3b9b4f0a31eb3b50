/**
 * The library page's one key-image worker, started with the first card that comes on screen and ended once it
 * has been idle a while (a library visit draws a handful of pictures, then the worker would only hold memory).
 */
import type { CardPicture } from './key-image-render';
import type { KeyImageReply, KeyImageRequest } from './key-image-messages';

const IDLE_MS = 10_000;

let worker: Worker | undefined;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;
const pending = new Map<number, { resolve(p: CardPicture): void; reject(e: Error): void }>();

function start(): Worker {
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  if (worker) return worker;
  const w = new Worker(new URL('./key-image-worker.ts', import.meta.url), { type: 'module', name: 'key-image' });
  w.onmessage = (event: MessageEvent<KeyImageReply>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiting?.resolve(reply.picture);
    else waiting?.reject(new Error(reply.reason));
    if (pending.size === 0) idleTimer = setTimeout(stop, IDLE_MS);
  };
  w.onerror = () => {
    for (const p of pending.values()) p.reject(new Error('the key-image worker failed'));
    pending.clear();
    stop();
  };
  worker = w;
  return w;
}

function stop(): void {
  worker?.terminate();
  worker = undefined;
}

export function drawKeyImage(request: Omit<KeyImageRequest, 'id'>): Promise<CardPicture> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    start().postMessage({ ...request, id } satisfies KeyImageRequest);
  });
}
