import { describe, expect, it } from 'vitest';
import { NFLOG_RETENTION_MS, type NflogEntry } from './entry.js';
import { NotificationLog } from './notification-log.js';

function log() {
  const stored = new Map<string, NflogEntry>();
  const storage = { putNflog: (k: string, e: NflogEntry) => void stored.set(k, e), deleteNflog: (k: string) => void stored.delete(k) };
  return { stored, nflog: new NotificationLog(storage, new Map()) };
}

describe('NotificationLog', () => {
  it('keeps an integration memo until the integration gives a new one (a Slack message edited on resolve)', () => {
    const { nflog } = log();
    nflog.log('g', 'slack', 0, { firing: ['a'], resolved: [], memo: { ts: '1' } }, 1000);
    nflog.log('g', 'slack', 0, { firing: [], resolved: ['a'] }, 2000);
    expect(nflog.get('g', 'slack', 0)).toEqual({ firing: [], resolved: ['a'], at: 2000, expiresAt: 2000 + NFLOG_RETENTION_MS, memo: { ts: '1' } });
    nflog.log('g', 'slack', 0, { firing: ['b'], resolved: [], memo: { ts: '2' } }, 3000);
    expect(nflog.get('g', 'slack', 0)?.memo).toEqual({ ts: '2' });
  });

  it('keeps entries apart by group, receiver and integration position', () => {
    const { nflog } = log();
    nflog.log('g', 'r', 0, { firing: ['a'], resolved: [] }, 1000);
    expect([nflog.get('g', 'r', 1), nflog.get('g', 'other', 0), nflog.get('h', 'r', 0)]).toEqual([undefined, undefined, undefined]);
  });

  it('forgets entries, in storage too, once past their retention and not before', () => {
    const { nflog, stored } = log();
    nflog.log('g', 'r', 0, { firing: ['a'], resolved: [] }, 1000);
    nflog.collect(1000 + NFLOG_RETENTION_MS - 1);
    expect(stored.size).toBe(1);
    nflog.collect(1000 + NFLOG_RETENTION_MS);
    expect([stored.size, nflog.get('g', 'r', 0)]).toEqual([0, undefined]);
  });
});
