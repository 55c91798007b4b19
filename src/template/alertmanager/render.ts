/**
 * Rendering a config field (a Slack title, an email subject) for one
 * notification. Alertmanager fails the whole notification when a template
 * errors at render time; edgealert sends it anyway, with a clear error text
 * in place of the field, and tells the caller so it can count the error.
 */
import type { TemplateError, TemplateSet } from '../index.js';

/** A rendered field: the text, or the fallback text and the error behind it. */
export type Rendered =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly text: string; readonly error: TemplateError };

/** The prefix of every fallback text. */
export const TEMPLATE_ERROR_PREFIX = 'template error: ';

/**
 * Executes `templateText` (inline text, as config fields hold) against the
 * set with `data` as dot. On failure the text is `template error: <Go's
 * message>`, e.g. `template error: template: :1:3: executing "" at
 * <.Nope>: can't evaluate field Nope in type *template.Data`.
 */
export function renderOrFallback(set: TemplateSet, templateText: string, data: unknown): Rendered {
  const result = set.executeString(templateText, data);
  if (result.ok) return { ok: true, text: result.value };
  return { ok: false, text: `${TEMPLATE_ERROR_PREFIX}${result.error.message}`, error: result.error };
}

/** Several fields rendered at once, and the fields that fell back. */
export interface RenderedFields<K extends string> {
  readonly values: Record<K, string>;
  readonly errors: readonly { readonly field: K; readonly error: TemplateError }[];
}

/**
 * Renders every field of `fields` (field name -> template text) with
 * renderOrFallback; count `errors.length` as the notification's template
 * errors.
 */
export function renderFields<K extends string>(set: TemplateSet, fields: Readonly<Record<K, string>>, data: unknown): RenderedFields<K> {
  const values = {} as Record<K, string>;
  const errors: { field: K; error: TemplateError }[] = [];
  for (const field of Object.keys(fields) as K[]) {
    const rendered = renderOrFallback(set, fields[field], data);
    values[field] = rendered.text;
    if (!rendered.ok) errors.push({ field, error: rendered.error });
  }
  return { values, errors };
}
