#!/usr/bin/env node
// The edgealert CLI. It runs the project's TypeScript config code:
// scripts/bundled-entry.mjs bundles src/cli/main.ts (again after a source
// change) into .edgealert/cli.mjs, then it runs.
import { importBundled } from '../scripts/bundled-entry.mjs';

await importBundled('src/cli/main.ts', 'cli');
