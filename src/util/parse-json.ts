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

export function parseJson<T extends z.ZodType>(text: string, schema: T, what: string): Result<z.output<T>, BodyRejection> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err(reject(400, 400, `parsing ${what} body failed: ${(e as Error).message}`));
  }
  const parsed = schema.safeParse(json, { reportInput: true });
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues;
  const first = issues[0];
  const path = (i: z.core.$ZodIssue) => i.path.map(String).join('.') || 'body';
  if (first?.code === 'invalid_type' && first.input === undefined) {
    return err(reject(422, 602, `${path(first)} in body is required`));
  }
  const messages = issues.slice(0, 5).map((i) => `${path(i)}: ${i.message}`);
  return err(reject(400, 400, `invalid ${what}: ${messages.join('; ')}`));
}

function reject(status: 400 | 422, code: number, message: string): BodyRejection {
  return { status, body: { code, message } };
}
