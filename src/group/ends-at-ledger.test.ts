import { describe, expect, it } from 'vitest';
import type { Alert } from '../alert/types.js';
import { CHECKPOINT_CHUNK, EndsAtLedger, persistAction } from './ends-at-ledger.js';

const MIN = 60_000;
const alert = (over: Partial<Alert> = {}): Alert => ({
  fingerprint: 'f1',
  labels: { alertname: 'A' },
  annotations: {},
  startsAt: 0,
  endsAt: 4 * MIN,
  generatorURL: '',
  updatedAt: 0,
  timeout: false,
  ...over,
});

describe('persistAction', () => {
  it.each([
    ['a new alert is written', undefined, alert(), undefined, 'row'],
    ['an alert storage does not know is written', alert(), alert(), undefined, 'row'],
    ['changed annotations are written at once', alert(), alert({ annotations: { summary: 'new' } }), 4 * MIN, 'row'],
    ['a changed startsAt is written at once', alert(), alert({ startsAt: 5 }), 4 * MIN, 'row'],
    ['an earlier endsAt (resolving) is written at once', alert(), alert({ endsAt: MIN }), 4 * MIN, 'row'],
    ['a later endsAt alone waits for the checkpoint', alert(), alert({ endsAt: 5 * MIN }), 4 * MIN, 'refresh'],
    ['the same endsAt (a resolved re-send) writes nothing', alert(), alert(), 4 * MIN, 'none'],
  ] as const)('%s', (_why, previous, next, stored, expected) => {
    expect(persistAction(previous, next, stored)).toBe(expected);
  });
});

function ledgerWith(alerts: Alert[]) {
  const writes: [string, number][] = [];
  const storage = {
    putCheckpoint: (chunk: number, entries: Record<string, number>) => void writes.push([`put ${chunk}`, Object.keys(entries).length]),
    deleteCheckpoint: (chunk: number) => void writes.push([`delete ${chunk}`, 0]),
  };
  return { ledger: new EndsAtLedger(storage, alerts, new Map(), 0), writes };
}

describe('EndsAtLedger', () => {
  it('writes nothing while every stored endsAt is more than two minutes away', () => {
    const { ledger, writes } = ledgerWith([alert()]);
    ledger.refreshed('f1', 5 * MIN);
    ledger.flush(MIN);
    expect(writes).toEqual([]);
    expect(ledger.stored('f1')).toBe(4 * MIN);
  });

  it('checkpoints as soon as the earliest stored endsAt comes within two minutes, however many flushes came before', () => {
    const { ledger, writes } = ledgerWith([alert(), alert({ fingerprint: 'f2', endsAt: 6 * MIN })]);
    ledger.refreshed('f2', 7 * MIN);
    ledger.refreshed('f1', 5 * MIN);
    for (const now of [0, MIN, 1.5 * MIN, 2 * MIN]) ledger.flush(now);
    expect(writes).toEqual([]);
    ledger.flush(2.5 * MIN);
    expect(writes).toEqual([['put 0', 2]]);
    expect([ledger.stored('f1'), ledger.stored('f2')]).toEqual([5 * MIN, 7 * MIN]);
  });

  it('checkpoints every pending refresh at once when one would lapse, in chunks', () => {
    const alerts = Array.from({ length: CHECKPOINT_CHUNK + 1 }, (_, i) => alert({ fingerprint: `f${i}` }));
    const { ledger, writes } = ledgerWith(alerts);
    for (const a of alerts) ledger.refreshed(a.fingerprint, 7 * MIN);
    ledger.flush(2.5 * MIN);
    expect(writes).toEqual([
      ['put 0', CHECKPOINT_CHUNK],
      ['put 1', 1],
    ]);
    expect(ledger.stored('f0')).toBe(7 * MIN);
  });

  it('drops chunks no longer needed once alert rows are written again', () => {
    const alerts = Array.from({ length: CHECKPOINT_CHUNK + 1 }, (_, i) => alert({ fingerprint: `f${i}` }));
    const { ledger, writes } = ledgerWith(alerts);
    for (const a of alerts) ledger.refreshed(a.fingerprint, 7 * MIN);
    ledger.flush(2.5 * MIN);
    for (const a of alerts.slice(1)) ledger.wroteRow(a.fingerprint, 9 * MIN);
    ledger.refreshed('f0', 8 * MIN);
    ledger.flush(6 * MIN);
    expect(writes.slice(2)).toEqual([
      ['put 0', 1],
      ['delete 1', 0],
    ]);
  });

  it('reads a row and a checkpoint back as the later of the two', () => {
    const ledger = new EndsAtLedger({ putCheckpoint: () => {}, deleteCheckpoint: () => {} }, [alert()], new Map([['f1', 9 * MIN]]), 1);
    expect(ledger.stored('f1')).toBe(9 * MIN);
  });
});
