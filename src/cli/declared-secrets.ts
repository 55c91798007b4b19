/**
 * The secret and var names a deployment declares: `[vars]` in wrangler.toml,
 * the keys of .dev.vars, and names given with --secret (secrets set with
 * `wrangler secret put` live only in Cloudflare, so the CLI is told of them).
 */

/** Names declared under [vars] in a wrangler.toml text (top-level section only). */
export function wranglerVarNames(toml: string): string[] {
  const names: string[] = [];
  let inVars = false;
  for (const line of toml.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('[')) inVars = trimmed === '[vars]';
    else if (inVars) {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(trimmed);
      if (match?.[1]) names.push(match[1]);
    }
  }
  return names;
}

/** Keys of a dotenv-style file (NAME=value lines; # comments). */
export function dotenvNames(text: string): string[] {
  return text
    .split('\n')
    .map((line) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** Names of the `[[send_email]]` bindings in a wrangler.toml text. */
export function wranglerSendEmailNames(toml: string): string[] {
  const names: string[] = [];
  let inSendEmail = false;
  for (const line of toml.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('[')) inSendEmail = trimmed === '[[send_email]]';
    else if (inSendEmail) {
      const match = /^name\s*=\s*["']([^"']+)["']/.exec(trimmed);
      if (match?.[1]) names.push(match[1]);
    }
  }
  return names;
}
