import { describe, expect, it } from 'vitest';
import type { Silence } from '../../silence/types.js';
import { checkMatchers } from './matchers-input.js';
import { editSilenceForm, newSilenceForm, postableFromForm, recreateSilenceForm, type SilenceFormValues } from './silence-form.js';

const NOW = Date.UTC(2040, 0, 1, 12, 0, 0);
const FORM: SilenceFormValues = { id: '', matchers: 'alertname="Disk"', startsAt: '', duration: '2h', endsAt: '', createdBy: 'alice', comment: 'swap' };
const disk = [{ name: 'alertname', value: 'Disk', isRegex: false, isEqual: true }];

describe('postableFromForm', () => {
  it.each<[string, Partial<SilenceFormValues>, object]>([
    ['an empty start is now, the duration sets the end', {}, { startsAt: NOW, endsAt: NOW + 7_200_000 }],
    ['a start without zone is UTC', { startsAt: '2040-01-01 13:00' }, { startsAt: NOW + 3_600_000, endsAt: NOW + 3 * 3_600_000 }],
    ['the end is used when no duration is given', { duration: '', endsAt: '2040-01-01T12:30:00Z' }, { endsAt: NOW + 1_800_000 }],
    ['the duration wins over an end', { endsAt: '2040-01-01T12:30:00Z' }, { endsAt: NOW + 7_200_000 }],
    ['an id is kept for an update', { id: 'abc' }, { id: 'abc' }],
    ['author and comment are trimmed', { createdBy: ' alice ', comment: ' swap\n' }, { createdBy: 'alice', comment: 'swap' }],
    ['matchers on several lines', { matchers: 'alertname="Disk"\ninstance!~"db.*"' }, { matchers: [...disk, { name: 'instance', value: 'db.*', isRegex: true, isEqual: false }] }],
  ])('%s', (_why, change, expected) => {
    const result = postableFromForm({ ...FORM, ...change }, NOW);
    expect(result).toMatchObject({ ok: true, value: expected });
  });

  it.each<[string, Partial<SilenceFormValues>, object]>([
    ['matchers the silence API refuses', { matchers: 'a=""' }, { matchers: 'at least one matcher must not match the empty string' }],
    ['a bad start', { startsAt: 'now' }, { startsAt: expect.stringContaining('Not a time') }],
    ['a zero duration', { duration: '0' }, { duration: 'Must be longer than 0.' }],
    ['neither duration nor end', { duration: '' }, { endsAt: 'Give a duration or an end.' }],
    ['no comment', { comment: '' }, { comment: 'Say why.' }],
  ])('reports %s on its field', (_why, change, errors) => {
    expect(postableFromForm({ ...FORM, ...change }, NOW)).toEqual({ ok: false, error: errors });
  });
});

describe('pre-filled forms', () => {
  const silence: Silence = { id: 's1', matchers: disk, startsAt: NOW - 600_000, endsAt: NOW + 3_000_000, updatedAt: NOW, createdBy: 'bob', comment: 'c' };

  it('edits with the same start, so an active silence updates in place', () => {
    expect(editSilenceForm(silence)).toEqual({ id: 's1', matchers: '{alertname="Disk"}', startsAt: '2040-01-01T11:50:00.000Z', duration: '', endsAt: '2040-01-01T12:50:00.000Z', createdBy: 'bob', comment: 'c' });
  });

  it('recreates with a new id from now, for as long as the original lasted', () => {
    expect(recreateSilenceForm(silence, NOW)).toMatchObject({ id: '', startsAt: '2040-01-01T12:00:00.000Z', duration: '1h', createdBy: 'bob' });
    expect(recreateSilenceForm({ ...silence, endsAt: silence.startsAt }, NOW).duration).toBe('2h');
  });

  it('starts a new silence now for two hours', () => {
    expect(newSilenceForm('a="1"', NOW)).toMatchObject({ matchers: 'a="1"', startsAt: '2040-01-01T12:00:00.000Z', duration: '2h' });
  });
});

describe('checkMatchers', () => {
  it.each([
    ['filter', 'a=~".*"', true],
    ['silence', 'a=~".*"', false],
    ['filter', '', true],
    ['silence', '', false],
    ['filter', 'a="1"\nb="2",', true],
  ] as const)('%s %j valid: %s', (kind, text, valid) => {
    expect(checkMatchers(kind, text).ok).toBe(valid);
  });
});
