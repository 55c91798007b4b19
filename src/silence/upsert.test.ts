import { describe, expect, it } from 'vitest';
import type { PostableSilence } from './postable.js';
import { silenceState, type Silence } from './types.js';
import { expireSilence, upsertSilence } from './upsert.js';

const NOW = Date.UTC(2026, 10, 25, 12);
const MIN = 60_000;
let ids = 0;
const newId = () => `id-${++ids}`;

const posted = (over: Partial<PostableSilence> = {}): PostableSilence => ({
  matchers: [{ name: 'alertname', value: 'Disk', isRegex: false, isEqual: true }],
  startsAt: NOW,
  endsAt: NOW + 60 * MIN,
  createdBy: 'alice',
  comment: 'maintenance',
  ...over,
});

const stored = (over: Partial<Silence> = {}): Silence => ({
  id: 'existing',
  matchers: [{ name: 'alertname', value: 'Disk', isRegex: false, isEqual: true }],
  startsAt: NOW - 10 * MIN,
  endsAt: NOW + 50 * MIN,
  updatedAt: NOW - 10 * MIN,
  createdBy: 'alice',
  comment: 'maintenance',
  ...over,
});

describe('upsertSilence', () => {
  it.each([
    ['start equal to end', posted({ endsAt: NOW }), 400, 'start time must be before end time'],
    ['start after end', posted({ startsAt: NOW + 2 * MIN, endsAt: NOW + MIN }), 400, 'start time must be before end time'],
    ['end in the past', posted({ startsAt: NOW - 20 * MIN, endsAt: NOW - MIN }), 400, "end time can't be in the past"],
    ['no matchers', posted({ matchers: [] }), 400, 'at least one matcher required'],
    ['only matchers matching the empty string', posted({ matchers: [{ name: 'a', value: '', isRegex: false, isEqual: true }] }), 400, 'must not match the empty string'],
    ['a regex that matches the empty string', posted({ matchers: [{ name: 'a', value: 'x|', isRegex: true, isEqual: true }] }), 400, 'must not match the empty string'],
    ['a bad regex', posted({ matchers: [{ name: 'a', value: 'x(', isRegex: true, isEqual: true }] }), 400, 'invalid label matcher 0'],
    ['an invalid label name', posted({ matchers: [{ name: 'bad-name', value: 'x', isRegex: false, isEqual: true }] }), 400, 'invalid label name'],
    ['an unknown id', posted({ id: 'nope' }), 404, 'not found'],
  ])('refuses %s and changes nothing', (_why, input, status, message) => {
    const existing = new Map([['existing', stored()]]);
    const result = upsertSilence(existing, input, NOW, newId);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.status).toBe(status);
      expect(result.error.message).toContain(message);
    }
  });

  it('accepts a negative matcher as the one that does not match the empty string', () => {
    const result = upsertSilence(new Map(), posted({ matchers: [{ name: 'a', value: 'x', isRegex: false, isEqual: false }] }), NOW, newId);
    expect(result.ok).toBe(true);
  });

  it('creates with a new id and moves a past start to now', () => {
    const result = upsertSilence(new Map(), posted({ startsAt: NOW - 5 * MIN }), NOW, newId);
    expect(result.ok && result.value.writes).toEqual([expect.objectContaining({ startsAt: NOW, updatedAt: NOW })]);
    expect(result.ok && result.value.id).toMatch(/^id-/);
  });

  it('updates an active silence in place when only its end changes', () => {
    const existing = new Map([['existing', stored()]]);
    const result = upsertSilence(existing, posted({ id: 'existing', startsAt: NOW - 10 * MIN, endsAt: NOW + 90 * MIN }), NOW, newId);
    expect(result.ok && result.value.id).toBe('existing');
    expect(result.ok && result.value.writes).toHaveLength(1);
  });

  it('replaces an active silence whose matchers change: the old one expires, a new id is returned', () => {
    const existing = new Map([['existing', stored()]]);
    const changed = posted({ id: 'existing', matchers: [{ name: 'alertname', value: 'Cpu', isRegex: false, isEqual: true }] });
    const result = upsertSilence(existing, changed, NOW, newId);
    if (!result.ok) throw new Error(result.error.message);
    const [old, created] = result.value.writes;
    expect(old?.id).toBe('existing');
    expect(old && silenceState(old, NOW + 1)).toBe('expired');
    expect(created?.id).toBe(result.value.id);
    expect(result.value.id).not.toBe('existing');
  });

  it('replaces an active silence whose start moves (in-place updates keep the start)', () => {
    const existing = new Map([['existing', stored()]]);
    const result = upsertSilence(existing, posted({ id: 'existing', startsAt: NOW + MIN }), NOW, newId);
    expect(result.ok && result.value.id).not.toBe('existing');
  });

  it('updates a pending silence in place while its start stays in the future', () => {
    const existing = new Map([['existing', stored({ startsAt: NOW + 10 * MIN, endsAt: NOW + 20 * MIN })]]);
    const result = upsertSilence(existing, posted({ id: 'existing', startsAt: NOW + 5 * MIN, endsAt: NOW + 30 * MIN }), NOW, newId);
    expect(result.ok && result.value.id).toBe('existing');
  });

  it('never updates an expired silence in place, and does not expire it again', () => {
    const existing = new Map([['existing', stored({ startsAt: NOW - 20 * MIN, endsAt: NOW - MIN })]]);
    const result = upsertSilence(existing, posted({ id: 'existing' }), NOW, newId);
    expect(result.ok && result.value.writes).toHaveLength(1);
    expect(result.ok && result.value.id).not.toBe('existing');
  });
});

describe('expireSilence', () => {
  it('ends an active silence now', () => {
    const result = expireSilence(new Map([['existing', stored()]]), 'existing', NOW);
    expect(result.ok && result.value).toMatchObject({ endsAt: NOW, startsAt: NOW - 10 * MIN });
  });

  it('ends a pending silence before it starts', () => {
    const result = expireSilence(new Map([['existing', stored({ startsAt: NOW + MIN })]]), 'existing', NOW);
    expect(result.ok && result.value).toMatchObject({ startsAt: NOW, endsAt: NOW });
  });

  it('leaves an expired silence alone and succeeds', () => {
    const result = expireSilence(new Map([['existing', stored({ endsAt: NOW - MIN })]]), 'existing', NOW);
    expect(result).toEqual({ ok: true, value: undefined });
  });

  it('answers 404 for an unknown id', () => {
    const result = expireSilence(new Map(), 'nope', NOW);
    expect(!result.ok && result.error.status).toBe(404);
  });
});

describe('upsertSilence with a silence count limit (--silences.max-silences)', () => {
  const full = new Map([['existing', stored()], ['expired', stored({ id: 'expired', endsAt: NOW - MIN })]]);

  it('refuses a new silence once the store (expired ones included) holds the limit', () => {
    expect(upsertSilence(full, posted(), NOW, newId, 2)).toEqual({ ok: false, error: { status: 400, message: 'exceeded maximum number of silences: 2 (limit: 2)' } });
  });

  it('still updates a silence in place at the limit', () => {
    const update = posted({ id: 'existing', startsAt: NOW - 10 * MIN, comment: 'longer' });
    expect(upsertSilence(full, update, NOW, newId, 2).ok).toBe(true);
  });

  it('accepts a new silence below the limit', () => {
    expect(upsertSilence(full, posted(), NOW, newId, 3).ok).toBe(true);
  });
});
