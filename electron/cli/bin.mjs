#!/usr/bin/env node
// `kirjuri` after `npm install`: runs the TypeScript command line through tsx (a devDependency of
// this repository), so no build step is needed. See electron/cli/kirjuri.ts.
import { register } from 'tsx/esm/api';

register();
await import('./run.ts');
