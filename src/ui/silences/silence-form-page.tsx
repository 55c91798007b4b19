/**
 * The silence form (new, edit, recreate). Matchers are checked as you type
 * by the server's validator (page script); on submit the server checks
 * again and shows its errors here, those of the Silences object included.
 */
import type { Child } from 'hono/jsx';
import { PostForm, Problem } from '../components/forms.js';
import type { SilenceField, SilenceFormErrors, SilenceFormValues } from './silence-form.js';

export interface SilenceFormPageProps {
  readonly values: SilenceFormValues;
  readonly errors?: SilenceFormErrors;
  /** Why the Silences object refused it, or why the user cannot save. */
  readonly problem?: string;
  readonly csrf: string;
  readonly canSilence: boolean;
}

export function SilenceFormPage({ values, errors = {}, problem, csrf, canSilence }: SilenceFormPageProps) {
  const field = (name: SilenceField, label: string, hint: string, input: Child) => (
    <div class="field">
      <label for={name}>{label}</label>
      {input}
      <span class="hint">{hint}</span>
      <span class="field-error" id={`${name}-error`} aria-live="polite">
        {errors[name] ?? ''}
      </span>
    </div>
  );
  const text = (name: SilenceField, extra: Record<string, string> = {}) => (
    <input id={name} name={name} type="text" value={values[name]} aria-invalid={errors[name] ? 'true' : undefined} {...extra} />
  );
  return (
    <>
      {canSilence ? null : <Problem>This session may look but not silence: sign in with a silence or admin token to save.</Problem>}
      {problem ? <Problem>{problem}</Problem> : null}
      <PostForm action="/ui/silences" csrf={csrf} class="stack card">
        {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
        {field(
          'matchers',
          'Matchers',
          'Alerts matching all of these are silenced: name="value", name=~"regex", name!="value", separated by commas or lines.',
          <textarea id="matchers" name="matchers" rows={3} required spellcheck={false} autocomplete="off" data-validate-matchers="silence" data-error="matchers-error" aria-invalid={errors.matchers ? 'true' : undefined}>
            {values.matchers}
          </textarea>,
        )}
        {field('startsAt', 'Start', 'RFC 3339 (no zone means UTC); empty means now.', text('startsAt', { autocomplete: 'off' }))}
        {field('duration', 'Duration', 'e.g. 30m, 2h, 1d; sets the end from the start. Leave empty to give the end instead.', text('duration', { autocomplete: 'off' }))}
        {field('endsAt', 'End', 'RFC 3339; used when Duration is empty.', text('endsAt', { autocomplete: 'off' }))}
        {field('createdBy', 'Created by', 'Your name: the silence is audited by it.', text('createdBy', { required: '', autocomplete: 'name', 'data-remember': 'createdBy' }))}
        {field(
          'comment',
          'Comment',
          'Why, and a ticket if there is one.',
          <textarea id="comment" name="comment" required aria-invalid={errors.comment ? 'true' : undefined}>
            {values.comment}
          </textarea>,
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={!canSilence}>
            {values.id ? 'Save silence' : 'Create silence'}
          </button>
          <a class="button" href="/ui/silences">
            Cancel
          </a>
        </div>
      </PostForm>
    </>
  );
}
