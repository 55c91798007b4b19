import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/bundle-config.mjs, the build step: a config that does not load stops the build.
const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'edgealert-bundle-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the build step on `yaml`; its exit code and what it printed. */
async function bundle(yaml: string): Promise<{ code: number; stderr: string }> {
  const file = join(dir, `routes-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  try {
    const { stderr } = await run(process.execPath, ['scripts/bundle-config.mjs'], { cwd: root, env: { ...process.env, EDGEALERT_CONFIG_FILE: file } });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('the build step', () => {
  it('fails with exit 1 and every problem, path: message, on a config that does not load', async () => {
    const { code, stderr } = await bundle('route: {receiver: nobody, group_wait: soon}\nreceivers:\n  - name: a\n    webhook_configs: [{url: "${HOOK}", max_alerts: -1}]\n');
    expect(code).toBe(1);
    expect(stderr.split('\n').slice(1, 4)).toEqual([
      'route.receiver: undefined receiver "nobody" used in route',
      'route.group_wait: not a valid duration string: "soon"',
      'receivers[0].webhook_configs[0].max_alerts: expected a non-negative integer',
    ]);
    expect(stderr).toMatch(/^edgealert: .*routes-\w+\.yaml does not load:\n/);
  }, 30_000);

  it('fails naming a missing config file', async () => {
    const { code, stderr } = await run(process.execPath, ['scripts/bundle-config.mjs'], { cwd: root, env: { ...process.env, EDGEALERT_CONFIG_FILE: join(dir, 'nope.yaml') } }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(code).toBe(1);
    expect(stderr).toContain('config file not found');
  }, 30_000);
});
