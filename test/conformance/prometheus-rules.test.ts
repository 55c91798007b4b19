/**
 * examples/prometheus/edgealert-rules.yml with the real promtool (Debian's
 * `prometheus` package): the rules load (`promtool check rules`), and the
 * unit tests of edgealert-rules.test.yml pass (`promtool test rules`): a
 * failing integration, an incident left unacknowledged, a day's usage above
 * the budget. That every metric they name is exported is checked in
 * src/metrics/dashboard.test.ts.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './harness/edgealert.js';
import { isExecutable } from './harness/peer-process.js';

/** Where Debian installs promtool; override with PROMTOOL_BIN. */
const PROMTOOL_BIN = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';
const RULES_DIR = join(REPO_ROOT, 'examples/prometheus');

/** Runs promtool in the rules' folder; its exit code and everything it printed. */
async function promtool(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(PROMTOOL_BIN, args, { cwd: RULES_DIR });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe.skipIf(!(await isExecutable(PROMTOOL_BIN)))('examples/prometheus/edgealert-rules.yml under the real promtool', () => {
  it('loads: promtool check rules finds every rule', async () => {
    const { code, output } = await promtool('check', 'rules', 'edgealert-rules.yml');
    expect(code, output).toBe(0);
    expect(output).toMatch(/SUCCESS: 8 rules found/);
  });

  it('passes its unit tests: promtool test rules', async () => {
    const { code, output } = await promtool('test', 'rules', 'edgealert-rules.test.yml');
    expect(code, output).toBe(0);
    expect(output).toContain('SUCCESS');
  });
});
