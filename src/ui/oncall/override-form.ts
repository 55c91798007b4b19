/**
 * The on-call page's create-override form. Start and end are datetime-local
 * values on the wall clock of the chosen schedule's time zone; they become
 * instants and the request is checked by validateOverrideInput, the API's
 * own check, so the form shows the API's messages word for word. A value
 * that is not a datetime-local (an RFC 3339 time with its offset, from a
 * script) is passed on as it is; an empty one counts as missing.
 */
import type { OnCallConfig } from '../../config/oncall-types.js';
import { validateOverrideInput, type OverrideInput } from '../../oncall/override.js';
import type { Result } from '../../util/result.js';
import { instantOfLocalInput, localInputValue } from './zoned-time.js';

export const OVERRIDE_FIELDS = ['schedule', 'person', 'start', 'end', 'by'] as const;
export type OverrideField = (typeof OVERRIDE_FIELDS)[number];
/** The form as typed, to show it again after an error. */
export type OverrideFormValues = Readonly<Record<OverrideField, string>>;

/** The one time zone of every schedule, or undefined when they use several (or there are none). */
export function commonZone(oncall: OnCallConfig): string | undefined {
  const zones = new Set([...oncall.schedules.values()].map((s) => s.timeZone));
  return zones.size === 1 ? [...zones][0] : undefined;
}

/** A new form: the first schedule, no person, starting now when every schedule shares one zone (else the user picks). */
export function blankOverrideForm(oncall: OnCallConfig, now: number): OverrideFormValues {
  const [first] = oncall.schedules.keys();
  const zone = commonZone(oncall);
  return { schedule: first ?? '', person: '', start: zone === undefined ? '' : localInputValue(now, zone), end: '', by: '' };
}

/** The fields of a posted form (missing ones empty). */
export function overrideFormValues(form: URLSearchParams): OverrideFormValues {
  return Object.fromEntries(OVERRIDE_FIELDS.map((field) => [field, form.get(field) ?? ''])) as Record<OverrideField, string>;
}

/** The override the form asks for at `now`, or the API's message saying what is wrong. */
export function overrideInputOf(values: OverrideFormValues, oncall: OnCallConfig, now: number): Result<OverrideInput, string> {
  const zone = oncall.schedules.get(values.schedule)?.timeZone ?? 'UTC';
  const input: Record<string, string> = { schedule: values.schedule, person: values.person };
  for (const field of ['start', 'end'] as const) {
    const text = values[field].trim();
    if (text === '') continue;
    const instant = instantOfLocalInput(text, zone);
    input[field] = instant === undefined ? text : new Date(instant).toISOString();
  }
  return validateOverrideInput(input, oncall, now);
}
