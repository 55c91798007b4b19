/**
 * The compiled config: routes.yaml loaded and checked at build time
 * (compile-config.ts), rebuilt into a Config by the Worker
 * (config-from-compiled.ts) without YAML or the config schemas. JSON:
 * - `config`: the Config without its template set and without the
 *   Authorization headers (made from secrets); a Map is `{"$map": [[key,
 *   value], ...]}`, a string holding secrets is `{"$secret": [text, NAME,
 *   text, ...]}` (literal text at even indexes), and a key of a plain object
 *   that starts with `$` is written with one more `$`;
 * - `templates`: the `templates:` globs and the files they matched, parsed
 *   again by the Worker (the template engine is in the Worker anyway);
 * - `secrets`: every string of routes.yaml holding a `${NAME}` reference,
 *   with its path and how its field is checked, for the Worker to check
 *   once it has the secrets (set, and e.g. a URL still a URL);
 * - `bindings`: the send_email bindings email configs name.
 * It holds no secret: the build has none.
 */
import * as z from 'zod';
import { SECRET_FIELD_KINDS } from './secret-placeholders.js';

/** The `format` of this version; the Worker refuses any other (rebuild with the same edgealert). */
export const COMPILED_CONFIG_FORMAT = 'edgealert-compiled-config/1';

/** The tag of an encoded Map. */
export const MAP_TAG = '$map';
/** The tag of an encoded string holding secrets. */
export const SECRET_TAG = '$secret';

/** The compiled config's outer shape (its `config` is trusted: the same build wrote it). */
export const compiledConfigSchema = z.object({
  format: z.literal(COMPILED_CONFIG_FORMAT),
  config: z.record(z.string(), z.unknown()),
  templates: z.object({
    globs: z.array(z.string()),
    files: z.array(z.object({ name: z.string(), text: z.string() })),
  }),
  secrets: z.array(z.object({ path: z.string(), text: z.string(), kind: z.enum(SECRET_FIELD_KINDS) })),
  bindings: z.array(z.object({ path: z.string(), name: z.string() })),
});

export type CompiledConfig = z.output<typeof compiledConfigSchema>;

/** A string of routes.yaml that references secrets, where it is and how its field is checked. */
export type SecretUse = CompiledConfig['secrets'][number];

/** A send_email binding an email config names (`binding: NAME`), at the path naming it. */
export type BindingUse = CompiledConfig['bindings'][number];
