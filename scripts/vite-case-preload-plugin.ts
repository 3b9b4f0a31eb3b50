/**
 * Lets a case page's code download while the app's own entry is still arriving: the built index.html gets a tiny
 * script (a file of its own, `case-preload-links.js`: the Content-Security-Policy allows no inline script) that,
 * only when the address is a case (or console) page, adds `modulepreload` links for the case
 * page's chunks (Cornerstone included) and the case preloader's. The library page's address matches nothing, so it
 * still downloads no Cornerstone. Build only: the dev server serves modules one by one anyway.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const SCRIPT_FILE = 'case-preload-links.js';

/** Source modules whose chunks (and the chunks those import) a case page needs first. */
const ENTRIES = ['src/ui/case-page/CasePage.tsx', 'src/ui/case-page/case-preload.ts'];

export function casePreloadPlugin(): Plugin {
  let script: string | null = null;
  return {
    name: 'case-page-preload',
    apply: 'build',
    writeBundle(options) {
      if (script && options.dir) writeFileSync(join(options.dir, SCRIPT_FILE), `${script}\n`);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const files = new Set<string>();
        const add = (fileName: string): void => {
          if (files.has(fileName)) return;
          files.add(fileName);
          const chunk = chunks.find((c) => c.fileName === fileName);
          for (const imported of chunk?.imports ?? []) add(imported);
        };
        for (const entry of ENTRIES) {
          const chunk = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith(entry));
          if (chunk) add(chunk.fileName);
        }
        // The app's entry chunk is on every page already.
        for (const c of chunks) if (c.isEntry) files.delete(c.fileName);
        if (files.size === 0) return html;
        script =
          `if (/^#\\/(case|console)\\//.test(location.hash)) for (const href of ${JSON.stringify([...files])}) ` +
          `document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'modulepreload', href }));`;
        return { html, tags: [{ tag: 'script', attrs: { src: `./${SCRIPT_FILE}` }, injectTo: 'head' }] };
      },
    },
  };
}
