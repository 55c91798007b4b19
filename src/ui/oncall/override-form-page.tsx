/**
 * The new-override form on the On call page: schedule, person (from
 * `people:`), start and end as wall-clock times of the schedule's time zone,
 * and who is asking. The server's refusal (the API's own message) is shown
 * above the fields, with what was typed kept.
 */
import type { Child } from 'hono/jsx';
import type { OnCallConfig } from '../../config/oncall-types.js';
import { PostForm, Problem } from '../components/forms.js';
import { commonZone, type OverrideField, type OverrideFormValues } from './override-form.js';

export interface OverrideFormProps {
  readonly oncall: OnCallConfig;
  readonly values: OverrideFormValues;
  /** Why the override was not saved. */
  readonly problem?: string | undefined;
  readonly canAct: boolean;
  readonly csrf: string;
}

export function OverrideForm({ oncall, values, problem, canAct, csrf }: OverrideFormProps) {
  if (oncall.schedules.size === 0) return null;
  if (!canAct) {
    return (
      <section id="new-override">
        <h2>New override</h2>
        <p class="muted">Sign in with an ack or admin token to create or remove overrides.</p>
      </section>
    );
  }
  const zone = commonZone(oncall);
  const zoneText = zone === undefined ? "the schedule's time zone (next to its name)" : zone;
  const field = (name: OverrideField, label: string, hint: string, input: Child) => (
    <div class="field">
      <label for={`override-${name}`}>{label}</label>
      {input}
      <span class="hint">{hint}</span>
    </div>
  );
  const when = (name: 'start' | 'end') => (
    <input id={`override-${name}`} name={name} type="datetime-local" value={values[name]} required aria-describedby={problem ? 'override-problem' : undefined} />
  );
  return (
    <section id="new-override">
      <h2>New override</h2>
      {problem ? (
        <div id="override-problem">
          <Problem>The override was not saved: {problem}</Problem>
        </div>
      ) : null}
      <PostForm action="/ui/oncall/overrides" csrf={csrf} class="stack card">
        {field(
          'schedule',
          'Schedule',
          'The override puts the person on call above every layer of this schedule.',
          <select id="override-schedule" name="schedule" required>
            {[...oncall.schedules.values()].map((s) => (
              <option value={s.name} selected={s.name === values.schedule}>
                {`${s.name} (${s.timeZone})`}
              </option>
            ))}
          </select>,
        )}
        {field(
          'person',
          'Person',
          'Anyone under people:, not only the rotation’s participants.',
          <select id="override-person" name="person" required>
            <option value="">Choose…</option>
            {[...oncall.people.keys()].map((name) => (
              <option value={name} selected={name === values.person}>
                {name}
              </option>
            ))}
          </select>,
        )}
        {field('start', `Start, in ${zoneText}`, 'From this minute on (inclusive).', when('start'))}
        {field('end', `End, in ${zoneText}`, 'Until this minute (exclusive); it must still be to come.', when('end'))}
        {field('by', 'Your name', 'Recorded as who created the override.', <input id="override-by" name="by" type="text" value={values.by} maxlength={100} placeholder="UI user" autocomplete="name" data-remember="createdBy" />)}
        <p class="hint">
          Times are wall-clock times in {zoneText}, not your browser’s zone. A time skipped when clocks go forward means the end of the gap; one that occurs twice when they go back, the first.
        </p>
        <div class="actions">
          <button type="submit" class="primary">
            Create override
          </button>
        </div>
      </PostForm>
    </section>
  );
}
