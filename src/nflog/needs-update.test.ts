import { describe, expect, it } from 'vitest';
import type { NflogEntry } from './entry.js';
import { needsUpdate, type DedupDecision, type DedupInput } from './needs-update.js';

const H = 3_600_000;
const NOW = Date.UTC(2026, 0, 2, 12);
const REPEAT = 4 * H;

/** A log entry written `ago` ms before NOW. */
const logged = (firing: string[], resolved: string[], ago = 60_000): NflogEntry => ({
  firing,
  resolved,
  at: NOW - ago,
  expiresAt: NOW - ago + 120 * H,
});

function decide(entry: NflogEntry | undefined, firing: string[], resolved: string[], sendResolved = true, now = NOW): DedupDecision {
  const input: DedupInput = { entry, firing: new Set(firing), resolved: new Set(resolved), sendResolved, repeatInterval: REPEAT, now };
  return needsUpdate(input);
}

describe('needsUpdate (DedupStage.needsUpdate; first matching rule wins)', () => {
  it.each([
    // 1. no entry
    [undefined, ['a'], [], true, 'first-notification', 'rule 1: never notified and something fires'],
    [undefined, ['a'], ['b'], true, 'first-notification', 'rule 1: resolved alerts along with firing ones do not matter'],
    [undefined, [], ['b'], false, 'nothing-firing', 'rule 1: never notified and only resolved alerts: the receiver never heard of them'],
    [undefined, [], [], false, 'nothing-firing', 'rule 1: an empty flush'],
    // 2. new firing alerts
    [logged(['a'], []), ['a', 'b'], [], true, 'new-firing-alerts', 'rule 2: b fires and was not in the last notification'],
    [logged(['a'], ['b']), ['b'], [], true, 'new-firing-alerts', 'rule 2: b was logged resolved and fires again'],
    [logged([], ['a']), ['a'], [], true, 'new-firing-alerts', 'rule 2: the last notification had nothing firing'],
    // 3. nothing fires
    [logged(['a'], []), [], ['a'], true, 'all-resolved', 'rule 3: everything resolved and the receiver was told a fired'],
    [logged(['a'], []), [], [], true, 'all-resolved', 'rule 3: even with no alert left at all'],
    [logged([], ['a']), [], ['a'], false, 'resolved-already-known', 'rule 3: the last notification already had nothing firing'],
    [logged([], ['a']), [], ['a', 'b'], false, 'resolved-already-known', 'rule 3: b fired and resolved between two flushes; the receiver never knew it'],
    // 4. new resolved alerts (send_resolved)
    [logged(['a', 'b'], []), ['a'], ['b'], true, 'new-resolved-alerts', 'rule 4: b resolved since the last notification'],
    [logged(['a'], ['b']), ['a'], ['b'], false, 'unchanged', 'rule 4: b was already reported resolved'],
    [logged(['a'], ['b']), ['a'], ['b', 'c'], true, 'new-resolved-alerts', 'rule 4: c is newly resolved'],
    // 5. repeat interval
    [logged(['a', 'b'], []), ['a'], [], false, 'unchanged', 'rule 5: a firing subset is not news (b dropped out without resolving)'],
    [logged(['a'], []), ['a'], [], false, 'unchanged', 'rule 5: same firing set, logged a minute ago'],
  ] as [NflogEntry | undefined, string[], string[], boolean, string, string][])(
    '%j with firing %j, resolved %j -> notify %s (%s) (%s)',
    (entry, firing, resolved, notify, reason) => {
      expect(decide(entry, firing, resolved)).toEqual({ notify, reason });
    },
  );

  describe('send_resolved: false', () => {
    it('does not notify only because alerts resolved', () => {
      expect(decide(logged(['a', 'b'], []), ['a'], ['b'], false)).toEqual({ notify: false, reason: 'unchanged' });
    });

    it('still notifies when everything resolved, so the logged firing set is cleared (rule 3 comes first)', () => {
      expect(decide(logged(['a'], []), [], ['a'], false)).toEqual({ notify: true, reason: 'all-resolved' });
    });

    it('still notifies new firing alerts', () => {
      expect(decide(logged(['a'], []), ['a', 'c'], ['b'], false)).toEqual({ notify: true, reason: 'new-firing-alerts' });
    });
  });

  describe('the repeat_interval boundary (entry.Timestamp.Before(now - repeat))', () => {
    it.each([
      [REPEAT - 1, false, 'unchanged', 'one ms short of the interval'],
      [REPEAT, false, 'unchanged', 'exactly the interval: Before is strict, so not yet'],
      [REPEAT + 1, true, 'repeat-interval-elapsed', 'one ms past the interval'],
      [10 * REPEAT, true, 'repeat-interval-elapsed', 'long overdue'],
    ])('logged %i ms ago -> notify %s (%s)', (ago, notify, reason) => {
      expect(decide(logged(['a'], [], ago), ['a'], [], true)).toEqual({ notify, reason });
    });

    it('measures from the logged send time, not from the tick (so a repeat can land one tick late)', () => {
      const entry = logged(['a'], [], 0); // logged at NOW, a few ms after the tick at NOW - 5
      expect(decide(entry, ['a'], [], true, NOW - 5 + REPEAT)).toEqual({ notify: false, reason: 'unchanged' });
    });
  });

  it('compares alerts by identity in the sets, not by count', () => {
    expect(decide(logged(['a', 'b'], []), ['a', 'c'], [])).toEqual({ notify: true, reason: 'new-firing-alerts' });
  });
});
