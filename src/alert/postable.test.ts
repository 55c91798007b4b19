import { describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint.js';
import { normalizeAlert, postableAlertSchema, type IngestContext, type PostableAlert } from './postable.js';
import type { Alert } from './types.js';

const NOW = Date.UTC(2026, 10, 25, 6, 0, 0);
const RESOLVE_TIMEOUT = 5 * 60_000;
const ctx: IngestContext = { now: NOW, resolveTimeout: RESOLVE_TIMEOUT };

/** Normalizes a posted alert and expects it to be valid. */
function valid(posted: PostableAlert): Alert {
  const result = normalizeAlert(posted, ctx);
  if (!result.ok) throw new Error(`unexpectedly invalid: ${result.error}`);
  return result.value;
}

/** Normalizes a posted alert and returns its error message. */
function invalid(posted: PostableAlert): string {
  const result = normalizeAlert(posted, ctx);
  if (result.ok) throw new Error('unexpectedly valid');
  return result.error;
}

describe('normalizeAlert defaults (api/v2 postAlertsHandler)', () => {
  it.each([
    [{}, NOW, NOW + RESOLVE_TIMEOUT, true, 'neither time: starts now, resolves after resolve_timeout unless re-sent'],
    [{ startsAt: '2026-11-25T05:00:00Z' }, Date.UTC(2026, 10, 25, 5), NOW + RESOLVE_TIMEOUT, true, 'only startsAt: still a timeout alert'],
    [{ endsAt: '2026-11-25T05:00:00Z' }, Date.UTC(2026, 10, 25, 5), Date.UTC(2026, 10, 25, 5), false, 'only endsAt: startsAt = endsAt (a resolved-only report)'],
    [
      { startsAt: '2026-11-25T05:00:00Z', endsAt: '2026-11-25T07:00:00Z' },
      Date.UTC(2026, 10, 25, 5),
      Date.UTC(2026, 10, 25, 7),
      false,
      'both given: kept as they are, endsAt is explicit',
    ],
    [
      { startsAt: '0001-01-01T00:00:00.000Z', endsAt: '0001-01-01T00:00:00.000Z' },
      NOW,
      NOW + RESOLVE_TIMEOUT,
      true,
      "amtool alert add posts Go's zero time for both: same as leaving them out",
    ],
    [
      { startsAt: '0001-01-01T00:00:00Z', endsAt: '2026-11-25T07:00:00Z' },
      Date.UTC(2026, 10, 25, 7),
      Date.UTC(2026, 10, 25, 7),
      false,
      'zero startsAt with a real endsAt takes the endsAt',
    ],
  ] as [Partial<PostableAlert>, number, number, boolean, string][])('%j -> startsAt %i, endsAt %i, timeout %s (%s)', (times, startsAt, endsAt, timeout) => {
    const alert = valid({ labels: { alertname: 'X' }, ...times });
    expect(alert).toMatchObject({ startsAt, endsAt, timeout });
  });

  it('uses the configured resolve_timeout, not a fixed 5m', () => {
    const alert = normalizeAlert({ labels: { alertname: 'X' } }, { now: NOW, resolveTimeout: 60_000 });
    expect(alert.ok && alert.value.endsAt).toBe(NOW + 60_000);
  });

  it('stamps updatedAt with the arrival time, the authority when merging', () => {
    expect(valid({ labels: { alertname: 'X' }, startsAt: '2026-11-25T05:00:00Z' }).updatedAt).toBe(NOW);
  });

  it('defaults annotations to {} and generatorURL to "" (the webhook prints "")', () => {
    const alert = valid({ labels: { alertname: 'X' } });
    expect(alert.annotations).toEqual({});
    expect(alert.generatorURL).toBe('');
  });

  it('drops labels with an empty value and fingerprints what remains', () => {
    const alert = valid({ labels: { alertname: 'DiskFull', empty: '', env: 'prod', severity: 'critical' } });
    expect(alert.labels).toEqual({ alertname: 'DiskFull', env: 'prod', severity: 'critical' });
    expect(alert.fingerprint).toBe(fingerprint({ alertname: 'DiskFull', env: 'prod', severity: 'critical' }));
  });

  it('keeps annotations with an empty value (only labels are cleaned; the 0.25 binary kept {"e": ""})', () => {
    expect(valid({ labels: { alertname: 'Q2' }, annotations: { e: '' } }).annotations).toEqual({ e: '' });
  });

  it('does not modify the posted labels', () => {
    const labels = { alertname: 'X', empty: '' };
    valid({ labels });
    expect(labels).toEqual({ alertname: 'X', empty: '' });
  });
});

describe('normalizeAlert validation (model.Alert.Validate, in its order)', () => {
  it.each([
    [
      { labels: { alertname: 'X' }, startsAt: '2026-11-25T05:00:00Z', endsAt: '2026-11-25T04:00:00Z' },
      'start time must be before end time',
      'endsAt before startsAt',
    ],
    [{ labels: { 'bad-name': 'x' } }, 'invalid label set: invalid name "bad-name"', 'a label name with a dash'],
    [{ labels: { été: 'x', alertname: 'X' } }, 'invalid label set: invalid name "été"', 'non-ASCII name: printable, so Go prints it raw as well'],
    [{ labels: {} }, 'at least one label pair required', 'no labels at all'],
    [{ labels: { a: '' } }, 'at least one label pair required', 'only empty values: dropped first, then nothing is left'],
    [{ labels: { 'bad-name': '' } }, 'at least one label pair required', 'a bad name with an empty value is dropped before validation'],
    [{ labels: { alertname: 'A1' }, annotations: { 'bad-name': 'x' } }, 'invalid annotations: invalid name "bad-name"', 'annotation names follow label name rules'],
    [
      { labels: { 'bad-name': 'x' }, startsAt: '2026-01-02T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' },
      'start time must be before end time',
      'the time check comes before the labels (as the 0.25 binary answered)',
    ],
    [
      { labels: { 'bad-name': 'x' }, annotations: { 'bad-too': 'y' } },
      'invalid label set: invalid name "bad-name"',
      'labels are checked before annotations',
    ],
    [
      { labels: { alertname: 'X' }, endsAt: '2026-11-25T05:00:00Z' },
      null,
      'only an endsAt in the past: startsAt = endsAt, which is allowed',
    ],
    [
      { labels: { alertname: 'X' }, startsAt: '2026-11-25T05:00:00Z', endsAt: '2026-11-25T05:00:00Z' },
      null,
      'endsAt equal to startsAt is not before it (the binary accepted it)',
    ],
  ] as [PostableAlert, string | null, string][])('%j -> %j (%s)', (posted, want) => {
    if (want === null) expect(normalizeAlert(posted, ctx).ok).toBe(true);
    else expect(invalid(posted)).toBe(want);
  });

  it('refuses a startsAt later than now + resolve_timeout without endsAt, because the default endsAt is before it', () => {
    expect(invalid({ labels: { alertname: 'X' }, startsAt: '2026-11-25T07:00:00Z' })).toBe('start time must be before end time');
  });

  // BUG (postable.ts invalidNames): Go prints the bad name with %q; edgealert
  // wraps it in plain quotes. The 0.25 binary answered
  // "invalid label set: invalid name \"a\\\"b\"" for the label name a"b,
  // i.e. the message text `invalid label set: invalid name "a\"b"`; edgealert
  // says `invalid name "a"b"`. Fix: goQuote(bad).
  it('quotes a bad name the way Go %q does', () => {
    expect(invalid({ labels: { alertname: 'X', 'a"b': 'x' } })).toBe('invalid label set: invalid name "a\\"b"');
  });
});

describe('postableAlertSchema', () => {
  it.each([
    [{ labels: { a: 'b' } }, true, 'labels alone'],
    [{ labels: { a: 'b' }, annotations: { s: 't' }, startsAt: '2026-01-02T03:04:05Z', endsAt: '2026-01-02T03:04:06Z', generatorURL: 'http://p/g' }, true, 'every field'],
    [{ labels: { a: 'b' }, extra: 1 }, true, 'unknown fields are ignored, as the binary does (200)'],
    [{}, false, 'labels are required'],
    [{ labels: { a: 1 } }, false, 'a label value must be a string'],
    [{ labels: { a: 'b' }, startsAt: 'yesterday' }, false, 'startsAt must be a date-time'],
    [{ labels: { a: 'b' }, annotations: [] }, false, 'annotations must be a map'],
  ] as [unknown, boolean, string][])('%j parses: %s (%s)', (value, want) => {
    expect(postableAlertSchema.safeParse(value).success).toBe(want);
  });
});
