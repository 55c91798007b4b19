/**
 * What the Worker checks of a compiled config once it has its secrets and
 * bindings (the build checked everything else, with placeholders):
 * - every `${NAME}` is set, and a string (the same errors the loader gives);
 * - a URL, `host:port` or email address field whose value comes from a
 *   secret is still one with the secret's value, a cheap check that keeps a
 *   malformed secret from failing only when a notification is sent;
 * - the send_email bindings email configs name exist.
 * Messages name the path and the secret, never a value. Any other
 * malformed secret value shows when it is used: the notification fails
 * with its error, as Alertmanager's `*_file` secrets do.
 */
import { parseAddressList } from '../notify/email/mime/address-list.js';
import { checkHttpUrl, hostPortProblem, splitHostPort } from './address-checks.js';
import type { BindingUse, SecretUse } from './compiled-config.js';
import type { ConfigError } from './config-error.js';
import type { SecretFieldKind } from './secret-placeholders.js';
import { missingBindingMessage, referencedNames, replaceReferences, secretValue, unresolvedSecretMessage } from './secret-references.js';

type Env = Readonly<Record<string, unknown>>;

/** Problems with the secrets `uses` reference, in the order of `uses`. */
export function checkSecretUses(uses: readonly SecretUse[], env: Env): ConfigError[] {
  const errors: ConfigError[] = [];
  const seen = new Set<string>();
  const add = (path: string, message: string) => {
    if (seen.has(`${path}\n${message}`)) return;
    seen.add(`${path}\n${message}`);
    errors.push({ path, message });
  };
  for (const use of uses) {
    const names = referencedNames(use.text);
    const unresolved = names.map((name) => unresolvedSecretMessage(env, name)).filter((m): m is string => m !== undefined);
    for (const message of unresolved) add(use.path, message);
    if (unresolved.length > 0 || use.kind === 'text') continue;
    const value = replaceReferences(use.text, (name) => secretValue(env, name) ?? '');
    if (!fieldAccepts(use.kind, value)) add(use.path, `with the value of ${secretList(names)} this is not ${KIND_NAMES[use.kind]}`);
  }
  return errors;
}

/** The send_email bindings named but missing from the Worker (the loader's message). */
export function checkBindings(bindings: readonly BindingUse[], env: Env): ConfigError[] {
  return bindings.flatMap(({ path, name }) => {
    const message = missingBindingMessage(env, name);
    return message === undefined ? [] : [{ path, message }];
  });
}

const KIND_NAMES: Readonly<Record<Exclude<SecretFieldKind, 'text'>, string>> = {
  url: 'a valid http or https URL',
  'host-port': 'a valid host:port address (the port written in the config)',
  address: 'a valid email address list',
};

function fieldAccepts(kind: Exclude<SecretFieldKind, 'text'>, value: string): boolean {
  if (kind === 'url') return checkHttpUrl(value) === undefined;
  if (kind === 'host-port') return hostPortProblem(value) === undefined && splitHostPort(value) !== undefined;
  return value.includes('{{') || parseAddressList(value).ok;
}

/** `secret ${A}` or `secrets ${A} and ${B}`. */
function secretList(names: readonly string[]): string {
  const refs = names.map((name) => `\${${name}}`);
  return refs.length === 1 ? `secret ${refs[0]}` : `secrets ${refs.slice(0, -1).join(', ')} and ${refs.at(-1)}`;
}
