/**
 * Serves the bundled cases at /cases/ in dev and copies them into the build, with a generated
 * /cases/index.json that lists each case's library card (no transcript, no answers).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';
import { parseCase } from '../src/case/parse';
import { expandCase } from '../src/case/expand';
import { libraryEntryOf, type LibraryEntry } from '../src/case/library';
import { keyImageOf } from '../src/dicom/key-image-files';
import { folderReader } from './fs-case-reader';

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.dcm': 'application/dicom',
  '.vtt': 'text/vtt',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.png': 'image/png',
};

export async function libraryIndex(casesRoot: string): Promise<LibraryEntry[]> {
  if (!existsSync(casesRoot)) return [];
  const entries: LibraryEntry[] = [];
  for (const dir of readdirSync(casesRoot, { withFileTypes: true })) {
    const file = join(casesRoot, dir.name, 'case.json');
    if (!dir.isDirectory() || !existsSync(file)) continue;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      entries.push({ id: dir.name, problem: `case.json is not valid JSON: ${(e as Error).message}` });
      continue;
    }
    const expanded = await expandCase(json, async (p) => readFileSync(join(casesRoot, dir.name, p), 'utf8'));
    const parsed = expanded.problems.length ? { ok: false as const, problems: expanded.problems } : parseCase(expanded.json);
    if (!parsed.ok) {
      const first = parsed.problems[0];
      entries.push({ id: dir.name, problem: `${first?.path}: ${first?.message}` });
      continue;
    }
    const keyImage = await keyImageOf(parsed.value, folderReader(join(casesRoot, dir.name)));
    entries.push({ ...libraryEntryOf(parsed.value), ...(keyImage ? { keyImage } : {}) });
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

export function casesPlugin(casesRoot: string): Plugin {
  let outDir = 'dist';
  return {
    name: 'teaching-cases',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    configureServer(server) {
      server.middlewares.use('/cases/', (req, res) => {
        const url = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
        if (url === '/index.json') {
          res.setHeader('Content-Type', 'application/json');
          void libraryIndex(casesRoot).then((index) => res.end(JSON.stringify(index)));
          return;
        }
        const file = normalize(join(casesRoot, url));
        if (!file.startsWith(casesRoot + sep) || !existsSync(file) || !statSync(file).isFile()) {
          res.statusCode = 404;
          res.end('not found');
          return;
        }
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.setHeader('Accept-Ranges', 'bytes');
        const body = readFileSync(file);
        // Media elements seek with byte ranges (narration audio and video).
        const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
        if (range) {
          const start = Number(range[1]);
          const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
          res.statusCode = 206;
          res.setHeader('Content-Range', `bytes ${start}-${end}/${body.length}`);
          res.end(body.subarray(start, end + 1));
          return;
        }
        res.end(body);
      });
    },
    async closeBundle() {
      const target = join(outDir, 'cases');
      mkdirSync(target, { recursive: true });
      if (existsSync(casesRoot)) cpSync(casesRoot, target, { recursive: true });
      writeFileSync(join(target, 'index.json'), JSON.stringify(await libraryIndex(casesRoot)));
    },
  };
}
