/**
 * The bench's one static server: the built app at /, the bare Cornerstone page at /bare/, and the bench-only cases
 * (made at bench time, never committed) at /cases/<id>/ beside the bundled ones. Both pages are served by the same
 * code from the same origin, so neither is favoured by its host. No compression: loopback is not the bottleneck,
 * and byte counts are computed by the bench itself.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.dcm': 'application/dicom',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.vtt': 'text/vtt',
  '.wav': 'audio/wav',
};

export interface BenchServer {
  url: string;
  /** Every file served since the last `takeLog()` (path on disk), workers' requests included. */
  takeLog(): string[];
  close(): Promise<void>;
}

/** A file under `root` for a URL path, or undefined (never a path outside `root`; symlinks inside are followed). */
function fileIn(root: string, path: string): string | undefined {
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return file;
}

export async function serve(dist: string, bare: string, benchCases: string): Promise<BenchServer> {
  let log: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const file = path.startsWith('/bare/')
      ? fileIn(bare, path.slice('/bare'.length))
      : path.startsWith('/cases/')
        ? (fileIn(benchCases, path.slice('/cases'.length)) ?? fileIn(dist, path))
        : fileIn(dist, path);
    if (!file) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    log.push(file);
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    // Every run starts from a fresh browser context, so caching headers would not change a cold run.
    res.setHeader('Cache-Control', 'no-cache');
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    takeLog() {
      const taken = log;
      log = [];
      return taken;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
