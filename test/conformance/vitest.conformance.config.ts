/**
 * Conformance tests: real processes (Alertmanager, edgealert via wrangler) and
 * real wall-clock timelines, so one file at a time and generous timeouts.
 * Run: npx vitest run -c test/conformance/vitest.conformance.config.ts
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'conformance',
    include: ['test/conformance/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
