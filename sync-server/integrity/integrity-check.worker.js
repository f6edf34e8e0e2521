// The integrity check thread when the relay runs from its TypeScript sources (tests, the
// bench, tsx): a worker thread does not inherit the tsx loader, so it registers one and runs
// check-thread.ts. The compiled relay (bin/relay-dist.js) puts a compiled file of this name
// beside its chunks instead.

import { register } from 'tsx/esm/api';

register();
await import('./check-thread.ts');
