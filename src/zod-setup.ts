/**
 * zod may compile object parsers with `new Function` for speed; under the app's Content-Security-Policy (no
 * 'unsafe-eval') its probe for that would be reported as a violation. Our objects are small: parse them plainly.
 */
import { z } from 'zod';

z.config({ jitless: true });
