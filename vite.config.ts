import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { VitePWA } from 'vite-plugin-pwa';
import { casesPlugin } from './scripts/vite-cases-plugin';
import { OFFLINE_CACHE } from './src/ui/offline/cache-name';
import { casePreloadPlugin } from './scripts/vite-case-preload-plugin';
import { CONTENT_SECURITY_POLICY } from './scripts/csp';

const casesRoot = fileURLToPath(new URL('./cases', import.meta.url));

// A DICOMweb server for `npm run dev` / `npm run preview`, served from the app's own origin at /dicom-web (the
// "local" server of public/config.json; Orthanc sends no CORS headers), e.g.
// DICOMWEB_PROXY=http://127.0.0.1:8042 npm run dev. Without it the app needs no server at all.
const dicomwebTarget = process.env.DICOMWEB_PROXY;
const proxy = dicomwebTarget ? { '/dicom-web': { target: dicomwebTarget } } : undefined;

// Cornerstone 5 on Vite 8: see docs/ARCHITECTURE.md. The image loader must NOT be excluded from pre-bundling
// (two copies of @cornerstonejs/metadata otherwise), and its CommonJS codec wrappers must be pre-bundled.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    casesPlugin(casesRoot),
    casePreloadPlugin(),
    // An installable app whose shell (HTML, JS, CSS, codecs) works offline. Case files are never cached by the
    // service worker on its own: only "Save for offline" puts them in OFFLINE_CACHE, which the worker answers from
    // when the network fails (network first, so a case on the server is always fresh when online).
    VitePWA({
      registerType: 'autoUpdate',
      // Registered by the app once the page has settled (src/ui/offline/register-worker.ts), not at load.
      injectRegister: false,
      manifest: {
        name: 'Case Teaching Viewer',
        short_name: 'Cases',
        description: 'Narrated radiology teaching cases on real DICOM images',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#0d0f12',
        theme_color: '#0d0f12',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,svg,json}'],
        globIgnores: ['cases/**'],
        // The image codecs are WebAssembly files of a few MB each.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.endsWith('/cases/index.json'),
            handler: 'NetworkFirst',
            options: { cacheName: 'ctv-library' },
          },
          {
            urlPattern: ({ url }) => url.pathname.includes('/cases/'),
            handler: 'NetworkFirst',
            options: { cacheName: OFFLINE_CACHE, plugins: [{ cacheWillUpdate: async () => null }] },
          },
        ],
      },
    }),
  ],
  optimizeDeps: {
    include: [
      'dicom-parser',
      '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
      '@cornerstonejs/codec-charls/decodewasmjs',
      '@cornerstonejs/codec-openjpeg/decodewasmjs',
      '@cornerstonejs/codec-openjph/wasmjs',
      '@cornerstonejs/codec-libjxl/decodewasmjs',
    ],
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  server: { port: 5173, strictPort: false, proxy },
  // The built app is served as it should be hosted: with a strict Content-Security-Policy (docs/DEPLOY.md). Not in
  // dev, whose hot reload injects inline scripts.
  preview: { port: 4173, proxy, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
});
