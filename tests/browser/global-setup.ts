/**
 * Builds the app as it ships and serves dist/ statically, so browser tests check what users get.
 * Set REUSE_BUILD=1 to skip the build while iterating on tests (dist/ must exist).
 */
import { existsSync } from 'node:fs';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

let server: PreviewServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!(process.env.REUSE_BUILD === '1' && existsSync('dist/index.html'))) {
    await build({ logLevel: 'warn' });
  }
  server = await preview({ preview: { port: 4173, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  project.provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
