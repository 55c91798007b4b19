/** Runs the edgealert command as a real process (node bin/edgealert.mjs), as a reviewer or a CI job runs it. */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const run = promisify(execFile);

export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** `edgealert ...args` in `cwd`; `env` adds to (or, with undefined, removes from) this process's environment. */
export async function runCli(cwd: string, args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin/edgealert.mjs'), ...args], { cwd, timeout: 60_000, env: { ...process.env, EDGEALERT_TOKEN: undefined, ...env } });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const failure = e as { code?: number; stdout?: string; stderr?: string };
    return { stdout: failure.stdout ?? '', stderr: failure.stderr ?? '', code: failure.code ?? 1 };
  }
}
