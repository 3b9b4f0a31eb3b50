/**
 * Imported first by main.tsx, before any schema exists. Under the app's Content-Security-Policy (no
 * 'unsafe-eval'), zod's probe for `new Function` is blocked and reported as a violation; jitless parsing skips the
 * probe (and the compiled fast path, which case files do not need).
 */
import { z } from 'zod';

z.config({ jitless: true });
