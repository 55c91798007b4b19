/**
 * The silence form: its fields as text (to show again after an error), how
 * it is pre-filled (from an alert's labels, an existing silence, an expired
 * one to recreate), and how a posted form becomes a PostableSilence. The
 * form checks only what the API's JSON schema would (fields, times, the
 * matcher syntax and rules); the Silences object decides everything else,
 * with the same code as POST /api/v2/silences.
 */
import * as z from 'zod';
import { parseTime, ZERO_TIME } from '../../alert/time.js';
import { formatDuration, parseDuration } from '../../config/duration.js';
import type { PostableSilence } from '../../silence/postable.js';
import type { Silence } from '../../silence/types.js';
import { err, ok, type Result } from '../../util/result.js';
import { silenceMatchersOf, silenceMatchersText } from './matchers-input.js';

export const SILENCE_FIELDS = ['id', 'matchers', 'startsAt', 'duration', 'endsAt', 'createdBy', 'comment'] as const;
export type SilenceField = (typeof SILENCE_FIELDS)[number];
export type SilenceFormValues = Readonly<Record<SilenceField, string>>;
/** A message per field that is wrong. */
export type SilenceFormErrors = Partial<Record<SilenceField, string>>;

/** How long a new silence lasts unless the user says otherwise. */
export const DEFAULT_DURATION = '2h';

const text = z.string().max(64 * 1024).default('');
const formSchema = z.object(Object.fromEntries(SILENCE_FIELDS.map((f) => [f, text])) as Record<SilenceField, typeof text>);

const isoOf = (ms: number) => new Date(ms).toISOString();

/** A new silence with these matchers, starting now. */
export function newSilenceForm(matchers: string, now: number): SilenceFormValues {
  return { id: '', matchers, startsAt: isoOf(now), duration: DEFAULT_DURATION, endsAt: '', createdBy: '', comment: '' };
}

/** An existing silence to change (same start, so an active one can be updated in place). */
export function editSilenceForm(silence: Silence): SilenceFormValues {
  const { id, createdBy, comment } = silence;
  return { id, matchers: silenceMatchersText(silence.matchers), startsAt: isoOf(silence.startsAt), duration: '', endsAt: isoOf(silence.endsAt), createdBy, comment };
}

/** A new silence like an expired one: its matchers, author, comment and length (unless expired at once), from now. */
export function recreateSilenceForm(silence: Silence, now: number): SilenceFormValues {
  const length = silence.endsAt - silence.startsAt;
  const duration = length >= 60_000 ? formatDuration(length) : DEFAULT_DURATION;
  return { ...newSilenceForm(silenceMatchersText(silence.matchers), now), duration, createdBy: silence.createdBy, comment: silence.comment };
}

/** The fields of a posted form (missing ones empty). */
export function silenceFormValues(form: URLSearchParams): Result<SilenceFormValues> {
  const parsed = formSchema.safeParse(Object.fromEntries(form));
  return parsed.success ? ok(parsed.data) : err(parsed.error.issues[0]?.message ?? 'bad form');
}

/** The silence the form asks for, or what is wrong with each field. */
export function postableFromForm(values: SilenceFormValues, now: number): Result<PostableSilence, SilenceFormErrors> {
  const errors: SilenceFormErrors = {};
  const matchers = silenceMatchersOf(values.matchers);
  if (!matchers.ok) errors.matchers = matchers.error;
  const startsAt = values.startsAt.trim() === '' ? now : timeOf(values.startsAt);
  if (startsAt === undefined) errors.startsAt = 'Not a time: use RFC 3339, e.g. 2026-05-01T22:00:00Z (no zone means UTC).';
  const endsAt = endOf(values, startsAt ?? now, errors);
  if (values.createdBy.trim() === '') errors.createdBy = 'Say who is silencing.';
  if (values.comment.trim() === '') errors.comment = 'Say why.';
  if (!matchers.ok || startsAt === undefined || endsAt === undefined || Object.keys(errors).length > 0) return err(errors);
  const id = values.id.trim();
  return ok({ ...(id ? { id } : {}), matchers: matchers.value, startsAt, endsAt, createdBy: values.createdBy.trim(), comment: values.comment.trim() });
}

/** The end: start + duration when a duration is given, else the end field. */
function endOf(values: SilenceFormValues, startsAt: number, errors: SilenceFormErrors): number | undefined {
  if (values.duration.trim() !== '') {
    const duration = parseDuration(values.duration.trim());
    if (!duration.ok || duration.value === 0) errors.duration = duration.ok ? 'Must be longer than 0.' : `${duration.error} (use e.g. 30m, 2h, 1d12h)`;
    return duration.ok && duration.value > 0 ? startsAt + duration.value : undefined;
  }
  if (values.endsAt.trim() === '') {
    errors.endsAt = 'Give a duration or an end.';
    return undefined;
  }
  const endsAt = timeOf(values.endsAt);
  if (endsAt === undefined) errors.endsAt = 'Not a time: use RFC 3339, e.g. 2026-05-02T06:00:00Z.';
  return endsAt;
}

function timeOf(textValue: string): number | undefined {
  const t = parseTime(textValue.trim());
  return t === null || t === ZERO_TIME ? undefined : t;
}
