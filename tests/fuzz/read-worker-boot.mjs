// Worker threads do not inherit Vitest's (or tsx's) TypeScript loader: register tsx here, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
