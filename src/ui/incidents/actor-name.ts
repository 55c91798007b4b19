/**
 * Who acted, from a form's `by` field (the page's "Your name", remembered
 * by the browser): the name the incident timeline and an override's
 * createdBy record. The API takes the same name as `by`, up to 100
 * characters.
 */
import { err, ok, type Result } from '../../util/result.js';

/** The name recorded when the field is left empty. */
export const DEFAULT_ACTOR_NAME = 'UI user';

/** As long as the API's `by` may be. */
export const MAX_ACTOR_NAME = 100;

/** The trimmed `by` field, DEFAULT_ACTOR_NAME when empty, or why it cannot be used. */
export function actorNameOf(form: URLSearchParams): Result<string> {
  const name = (form.get('by') ?? '').trim();
  if (name.length > MAX_ACTOR_NAME) return err(`Your name is longer than ${MAX_ACTOR_NAME} characters.`);
  return ok(name === '' ? DEFAULT_ACTOR_NAME : name);
}
