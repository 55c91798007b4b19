/**
 * `useBindings({ NAME: value })` inside a `describe`: sets (or, with
 * `undefined`, removes) bindings on the `env` the Worker shares with the
 * tests, before each of its tests, and restores them after. For access
 * tokens and EDGEALERT_LOCAL (deployed mode is `{ EDGEALERT_LOCAL: undefined }`).
 */
import { afterEach, beforeEach } from 'vitest';
import { testEnv } from './edgealert.js';

export function useBindings(bindings: Readonly<Record<string, string | undefined>>): void {
  const env = testEnv as unknown as Record<string, unknown>;
  const saved = new Map<string, unknown>();
  beforeEach(() => {
    for (const [name, value] of Object.entries(bindings)) {
      saved.set(name, env[name]);
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
  });
  afterEach(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
    saved.clear();
  });
}
