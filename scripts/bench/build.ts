/**
 * Builds the app (dist/, as `npm run build` does) and the bare Cornerstone page (bench/bare/) for the bench, and
 * records what each emitted JS file is made of (bytes per npm package or app folder), so the byte report can
 * name the biggest pieces of what a page downloads.
 */
import { build, type Plugin } from 'vite';
import { join } from 'node:path';

/** file name (as emitted, e.g. "assets/index-abc.js" or "assets/decodeImageFrameWorker-x.js") -> piece -> bytes */
export type Composition = Map<string, Map<string, number>>;

/** What a module is, for people: its npm package, or the app folder it comes from. */
export function pieceOf(moduleId: string): string {
  const id = moduleId.replace(/\\/g, '/').replace(/^\0/, '');
  const nm = id.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = id.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? id);
  }
  const src = /\/src\/([^/]+)\//.exec(id);
  if (src) return `app: src/${src[1]}`;
  return 'app: other';
}

/** A plugin that fills `into` with the composition of every chunk it sees (main build and worker builds). */
function composition(into: Composition): Plugin {
  return {
    name: 'bench-composition',
    generateBundle(_options, bundle) {
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        const pieces = new Map<string, number>();
        for (const [id, module] of Object.entries(item.modules)) {
          const piece = pieceOf(id);
          pieces.set(piece, (pieces.get(piece) ?? 0) + module.renderedLength);
        }
        into.set(item.fileName, pieces);
      }
    },
  };
}

export async function buildApp(): Promise<Composition> {
  const into: Composition = new Map();
  await build({ configLoader: 'runner', logLevel: 'error', plugins: [composition(into)], worker: { format: 'es', plugins: () => [composition(into)] } });
  return into;
}

export async function buildBare(root: string, outDir: string): Promise<Composition> {
  const into: Composition = new Map();
  await build({
    configLoader: 'runner',
    configFile: false,
    root: join(root, 'bench', 'bare'),
    base: './',
    logLevel: 'error',
    plugins: [composition(into)],
    worker: { format: 'es', plugins: () => [composition(into)] },
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 8000 },
  });
  return into;
}
