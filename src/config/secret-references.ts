/**
 * `${NAME}` references in config strings, without zod or YAML: the build
 * resolves them in the YAML tree (secrets.ts), the Worker in the compiled
 * config once it has its secrets (config-from-compiled.ts). Rules:
 * - NAME is `[A-Za-z_][A-Za-z0-9_]*`; a reference can be all or part of a
 *   string (`https://hooks.example.com/${HOOK_TOKEN}`);
 * - `$${NAME}` is the literal text `${NAME}`; other `$` text is left alone
 *   (Go regexp expansions such as `${1}` in templates keep working);
 * - a secret that is unset, or a binding that is not a string, is an error
 *   naming the variable, never a value.
 */

const REFERENCE = /\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** True when the string holds at least one `${NAME}` reference (escaped `$${NAME}` does not count). */
export function hasSecretReference(s: string): boolean {
  for (const m of s.matchAll(REFERENCE)) if (m[1] === '') return true;
  return false;
}

/** The NAMEs `s` references, in order, each once. */
export function referencedNames(s: string): string[] {
  const names: string[] = [];
  for (const m of s.matchAll(REFERENCE)) if (m[1] === '' && m[2] !== undefined && !names.includes(m[2])) names.push(m[2]);
  return names;
}

/** `s` with every reference replaced by `value(NAME, offset)` and every `$${NAME}` by `${NAME}`. */
export function replaceReferences(s: string, value: (name: string, offset: number) => string): string {
  return s.replace(REFERENCE, (whole, escape: string, name: string, offset: number) => (escape !== '' ? whole.slice(1) : value(name, offset)));
}

/** The Worker binding `name` if it is a string secret or var; undefined when unset or not a string. */
export function secretValue(env: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = envEntry(env, name);
  return typeof value === 'string' ? value : undefined;
}

/** Why `${name}` cannot be resolved from `env`, or undefined when it can. Never quotes a value. */
export function unresolvedSecretMessage(env: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = envEntry(env, name);
  if (typeof value === 'string') return undefined;
  return value === undefined
    ? `secret \${${name}} is not set (add it with \`wrangler secret put ${name}\` or to .dev.vars)`
    : `secret \${${name}} is not a string in the Worker environment (is the name used by a binding?)`;
}

/** Why the send_email binding `name` is missing from `env` (not an object there), or undefined when it is not. */
export function missingBindingMessage(env: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = envEntry(env, name);
  if (typeof value === 'object' && value !== null) return undefined;
  return `the Worker has no send_email binding ${JSON.stringify(name)}: add [[send_email]] name = ${JSON.stringify(name)} to wrangler.toml`;
}

/** The Worker binding, secret or var `name` (own properties only: never something of Object.prototype). */
function envEntry(env: Readonly<Record<string, unknown>>, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
}
