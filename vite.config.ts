import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { casesPlugin } from './scripts/vite-cases-plugin';
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
  plugins: [react(), casesPlugin(casesRoot)],
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
