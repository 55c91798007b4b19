/**
 * Parses JSON text with a zod schema into a result, with the status an API
 * should answer on failure: malformed JSON and wrong types are 400; a missing
 * required field is 422 with code 602, as Alertmanager's generated API
 * answers. Messages name the field.
 */
import type { z } from 'zod';
import { err, ok, type Result } from './result.js';

/** Why a body was refused, with Alertmanager's status and body shape. */
export interface BodyRejection {
  readonly status: 400 | 422;
  readonly body: { code: number; message: string };
}

/**
 * `wellFormed`, when given, may accept the parsed JSON without the schema (a
 * fast path for the common case): it must give what the schema would, or
 * undefined to leave the decision and the messages to the schema.
 */
export function parseJson<T extends z.ZodType>(
  text: string,
  schema: T,
  what: string,
  wellFormed?: (json: unknown) => z.output<T> | undefined,
): Result<z.output<T>, BodyRejection> {
  if (text.trim() === '') return err(reject(422, 602, `${what} in body is required`));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err(reject(400, 400, `parsing ${what} body failed: ${(e as Error).message}`));
  }
  const fast = wellFormed?.(json);
  if (fast !== undefined) return ok(fast);
  const parsed = schema.safeParse(json, { reportInput: true });
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues;
  const first = issues[0];
  const path = (i: z.core.$ZodIssue) => i.path.map(String).join('.') || 'body';
  // A required field that is missing or null.
  if (first?.code === 'invalid_type' && (first.input === undefined || first.input === null)) {
    return err(reject(422, 602, `${path(first)} in body is required`));
  }
  // Schemas mark format violations that Alertmanager answers with 422 (e.g. code 601).
  const params = first?.code === 'custom' ? (first.params as { status?: number; code?: number } | undefined) : undefined;
  if (first && params?.status === 422) {
    const value = typeof first.input === 'string' ? `: ${JSON.stringify(first.input)}` : '';
    return err(reject(422, params.code ?? 601, `${path(first)} in body ${first.message}${value}`));
  }
  const messages = issues.slice(0, 5).map((i) => `${path(i)}: ${i.message}`);
  return err(reject(400, 400, `invalid ${what}: ${messages.join('; ')}`));
}

function reject(status: 400 | 422, code: number, message: string): BodyRejection {
  return { status, body: { code, message } };
}
