/**
 * Three kinds of tests, one command (`npm test`):
 * - unit: pure modules in plain Node, beside the code (src/**\/*.test.ts);
 * - worker: the Worker and its Durable Objects inside workerd (test/worker);
 * - conformance: real processes, the real Alertmanager next to edgealert,
 *   on wall-clock timelines (test/conformance), one file at a time.
 */
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { TEST_SECRETS } from './test/worker/support/secrets.js';
import { sentEmails } from './test/worker/support/sent-emails.js';
import { webhookReceiver } from './test/worker/support/webhook-receiver.js';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/conformance/harness/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        plugins: [
          // Called once per test file (Vitest's default isolate: true): each file
          // gets its own Miniflare (storage, isolate) and its own webhook
          // receiver, and picks its config with useConfig() (test/worker/README.md).
          cloudflareTest(() => {
            const receiver = webhookReceiver();
            return {
              main: './src/index.ts',
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                // EDGEALERT_LOCAL as `npm start` sets it: scopes without credentials are open (tests of the deployed default delete it).
                bindings: { EXTERNAL_URL: 'http://edgealert.test', EDGEALERT_LOCAL: 'true', ...TEST_SECRETS },
                // Every outbound fetch of the Worker goes to the recording receiver.
                outboundService: receiver.outbound,
                serviceBindings: { RECEIVER: receiver.control, SENT_EMAILS: sentEmails() },
                // send_email bindings as Miniflare simulates them (test/worker/support/sent-emails.ts).
                email: { send_email: [{ name: 'SEND_EMAIL' }, { name: 'ONLY_OPS', allowed_destination_addresses: ['ops@example.com'] }] },
              },
            };
          }),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          // Timelines fire many alarms; on a busy 2-core machine a file can take seconds.
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts', 'test/amtool/**/*.test.ts', 'test/upstream/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/reliability/**/*.test.ts', 'test/browser/**/*.test.ts'],
          exclude: ['test/conformance/harness/**'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          // After unit and worker: wall-clock timelines must not share the CPU with them.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
