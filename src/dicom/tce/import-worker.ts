/**
 * The page's TCE import off the main thread: parsing every retrieved object and de-identifying the images
 * (dcmjs over megabytes) would otherwise freeze the page. Answers once and is ended by its caller.
 */
import { importTceFiles, type TceFilesRequest, type TceFilesReply } from './import-files';

self.onmessage = (event: MessageEvent<TceFilesRequest>) => {
  let reply: TceFilesReply;
  try {
    reply = { ok: true, result: importTceFiles(event.data) };
  } catch (e) {
    reply = { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  const transfer = reply.ok ? reply.result.series.flatMap((s) => s.files.map((f) => f.buffer as ArrayBuffer)) : [];
  (self as unknown as Worker).postMessage(reply, transfer);
};
