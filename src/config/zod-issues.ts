/**
 * Turns zod issues into ConfigErrors: the issue path printed as a YAML path
 * (`route.routes[2].matchers[0]`), unknown keys split into one error each at
 * the key's own path.
 */
import type { z } from 'zod';
import { configError, type ConfigError } from './config-error.js';
import { unknownFieldErrors } from './strict-object.js';

/** One ConfigError per problem zod found. */
export function zodIssuesToErrors(issues: readonly z.core.$ZodIssue[]): ConfigError[] {
  const out: ConfigError[] = [];
  for (const issue of issues) {
    const path = issue.path.map((seg) => (typeof seg === 'number' ? seg : String(seg)));
    const unknown = issue.code === 'unrecognized_keys' ? unknownFieldErrors(issue.message) : undefined;
    if (unknown) {
      for (const [key, message] of unknown) out.push(configError([...path, key], message));
    } else {
      out.push(configError(path, issue.message));
    }
  }
  return out;
}
