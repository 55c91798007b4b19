/**
 * Runs one peer (the real Alertmanager or edgealert) as a child process:
 * spawn, wait until it answers GET /-/ready with 200, stop it and remove its
 * temporary folder. Both peers share this so they are started and stopped
 * the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access, constants, rm } from 'node:fs/promises';

/** A started peer that speaks the Alertmanager HTTP API. */
export interface RunningPeer {
  /** Which implementation this is, for messages. */
  readonly name: string;
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Everything the process wrote to stderr and stdout so far (for debugging). */
  logs(): string;
  /** Stops the process (SIGTERM, then SIGKILL) and removes its temp folder. */
  stop(): Promise<void>;
  /** Kills the process (its whole group when it has one) with SIGKILL at once, as a crash would; the temp folder stays until stop(). */
  crash(): Promise<void>;
}

/** How to start a peer process. */
export interface PeerProcessOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Base URL the peer will listen on. */
  readonly url: string;
  /** Temporary folder to delete on stop. */
  readonly tempDir: string;
  readonly readyTimeoutMs: number;
  /** Spawn in its own process group and signal the whole group on stop. */
  readonly processGroup: boolean;
}

const LOG_LIMIT = 200_000;
const STOP_GRACE_MS = 5_000;

/** Spawns the peer and resolves once /-/ready answers 200; throws with its logs otherwise. */
export async function startPeerProcess(options: PeerProcessOptions): Promise<RunningPeer> {
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: options.processGroup,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer): void => {
    log = (log + chunk.toString('utf8')).slice(-LOG_LIMIT);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (error) => append(Buffer.from(`spawn error: ${error.message}\n`)));

  const peer: RunningPeer = {
    name: options.name,
    url: options.url,
    logs: () => log,
    stop: async () => {
      await terminate(child, exited, options.processGroup);
      await rm(options.tempDir, { recursive: true, force: true });
    },
    crash: async () => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) sendSignal(child.pid, options.processGroup, 'SIGKILL');
      await exited;
    },
  };
  try {
    await waitUntilReady(options.url, options.readyTimeoutMs, () => child.exitCode !== null || child.signalCode !== null);
  } catch (error) {
    await peer.stop();
    throw new Error(`${options.name} did not become ready: ${(error as Error).message}\n--- logs ---\n${log}`);
  }
  return peer;
}

async function waitUntilReady(url: string, timeoutMs: number, hasExited: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('process exited');
    try {
      const response = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`GET /-/ready was not 200 within ${timeoutMs} ms`);
}

async function terminate(child: ChildProcess, exited: Promise<void>, group: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const signal = (name: NodeJS.Signals): void => sendSignal(pid, group, name);
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
  // workerd children may outlive the group leader; make sure the group is gone.
  if (group) signal('SIGKILL');
}

function sendSignal(pid: number, group: boolean, name: NodeJS.Signals): void {
  try {
    process.kill(group ? -pid : pid, name);
  } catch {
    // Already gone.
  }
}

/** True when `path` is an executable file (tests of a peer that is not installed skip). */
export async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
