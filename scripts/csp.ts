/**
 * The Content-Security-Policy the built app is served with (`vite preview` sends it; docs/DEPLOY.md gives it for
 * static hosts). Everything comes from the app's own origin; the exceptions are what the app really needs:
 * - script-src 'wasm-unsafe-eval': Cornerstone's codecs are WebAssembly, compiled in its decode worker;
 * - worker-src 'self': the decode worker and our header-reading worker are files of the build (no blob: workers);
 * - img-src data: blob:, connect-src blob:: the favicon is a data: URL, local files are read through blob: URLs;
 * - style-src 'self' with style-src-attr 'unsafe-inline': no <style> elements from anywhere but the build, but
 *   style attributes are allowed, because Cornerstone's annotation layer writes the arrow labels' text style with
 *   setAttribute('style', …) (React's own styles go through the CSSOM, which no policy restricts). A style
 *   attribute cannot run script.
 * A deployment that lists a DICOMweb server on another origin in config.json adds that origin to connect-src.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self' blob:",
  "media-src 'self' blob:",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
