/**
 * The Silences Durable Object: the one authoritative copy of all silences.
 * Every change is saved, then pushed to every Dispatcher shard, so the next
 * flush anywhere sees it; a push that fails is retried from the alarm.
 * Expired silences are kept for the retention period, then collected.
 * It meters its own billed usage, which `scrape()` reports for /metrics.
 */
import { DurableObject } from 'cloudflare:workers';
import type { Alert } from '../alert/types.js';
import type { DurableObjectUsage } from '../metrics/durable-object-usage.js';
import { UsageMeter } from '../metrics/usage-meter.js';
import { SqlDocs } from './sql-docs.js';
import { sendToShards, shardStub } from '../api/shards.js';
import { planDispatch } from '../route/dispatch-plan.js';
import { dueNotices, expiryNoticeAlert, nextNoticeAt, noticeKey } from '../silence/expiry-notice.js';
import type { PostableSilence } from '../silence/postable.js';
import { SILENCE_RETENTION_MS, silenceSchema, silenceState, type Silence } from '../silence/types.js';
import { expireSilence, upsertSilence, type SilenceRejection } from '../silence/upsert.js';
import type { Result } from '../util/result.js';
import { maxSilences, runtimeConfig } from './runtime-config.js';

const PUSH_RETRY_MS = 1000;

export class Silences extends DurableObject<Env> {
  private readonly silences = new Map<string, Silence>();
  /**
   * Expiry notices sent (`id@endsAt`), in memory only: after a restart one may
   * be sent again, which merges into the same alert and notifies nothing new.
   */
  private readonly noticed = new Set<string>();
  private readonly usage = new UsageMeter();
  private readonly docs = new SqlDocs(this.usage.sql(this.ctx.storage.sql), ['silences']);

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    for (const [, doc] of this.docs.rows('silences')) {
      const silence = silenceSchema.parse(doc);
      this.silences.set(silence.id, silence);
    }
  }

  /** Creates or updates a silence; the id to return to the client, or why not. */
  async upsert(posted: PostableSilence): Promise<Result<{ id: string }, SilenceRejection>> {
    this.usage.request('upsert');
    const change = upsertSilence(this.silences, posted, Date.now(), () => crypto.randomUUID(), maxSilences(this.env));
    if (!change.ok) return change;
    this.save(change.value.writes);
    await this.push();
    return { ok: true, value: { id: change.value.id } };
  }

  /** Expires a silence now. */
  async expire(id: string): Promise<Result<void, SilenceRejection>> {
    this.usage.request('expire');
    const expired = expireSilence(this.silences, id, Date.now());
    if (!expired.ok) return expired;
    if (expired.value) {
      const before = this.silences.get(id);
      this.save([expired.value]);
      // An expiry notice already sent is resolved now, not at the original end.
      if (before && this.noticed.has(noticeKey(before))) await this.sendAlerts([expiryNoticeAlert(before, Date.now(), Date.now())]);
      await this.push();
    }
    return { ok: true, value: undefined };
  }

  /** Every silence, expired ones included (until collected). */
  async list(): Promise<Silence[]> {
    this.usage.request('list');
    return [...this.silences.values()];
  }

  /** What a /metrics scrape needs, in one request: every silence, and this object's usage since it started. */
  async scrape(): Promise<{ silences: Silence[]; usage: DurableObjectUsage }> {
    this.usage.request('scrape');
    return { silences: [...this.silences.values()], usage: this.usage.snapshot() };
  }

  /** Collects silences past their retention, and pushes again (a retry, or expiries to tell the shards about). */
  override async alarm(): Promise<void> {
    this.usage.request('alarm');
    const now = Date.now();
    const collected = [...this.silences.values()].filter((s) => s.endsAt + SILENCE_RETENTION_MS <= now);
    for (const silence of collected) {
      this.docs.delete('silences', silence.id);
      this.silences.delete(silence.id);
    }
    await this.sendExpiryNotices(now);
    await this.push();
  }

  /** silence_expiry_notice: a SilenceExpiring alert for each silence whose notice is due; one that fails is retried by the next alarm. */
  private async sendExpiryNotices(now: number): Promise<void> {
    const notice = runtimeConfig(this.env).silenceExpiryNotice;
    if (!notice) return;
    const due = dueNotices(this.silences.values(), notice, this.noticed, now);
    try {
      await this.sendAlerts(due.map((s) => expiryNoticeAlert(s, now)));
      for (const s of due) this.noticed.add(noticeKey(s));
    } catch (error) {
      console.error(JSON.stringify({ level: 'error', event: 'silence_notice_failed', message: (error as Error).message }));
    }
  }

  private async sendAlerts(alerts: readonly Alert[]): Promise<void> {
    if (alerts.length === 0) return;
    const config = runtimeConfig(this.env);
    await sendToShards(this.env, planDispatch(alerts, config.route, config.shards, config.inhibitRules.map((r) => r.sourceMatchers)));
  }

  /** Storage first, then memory: a write that fails changes nothing. */
  private save(silences: readonly Silence[]): void {
    this.ctx.storage.transactionSync(() => {
      for (const silence of silences) this.docs.put('silences', silence.id, silence);
    });
    for (const silence of silences) this.silences.set(silence.id, silence);
  }

  /**
   * Sends the silences still in force (active and pending) to every shard,
   * then sets the alarm for the next thing to do: the next expiry to push,
   * the next collection, or a retry soon when a shard could not be reached.
   */
  private async push(): Promise<void> {
    const now = Date.now();
    const inForce = [...this.silences.values()].filter((s) => silenceState(s, now) !== 'expired');
    const shards = runtimeConfig(this.env).shards;
    const notice = runtimeConfig(this.env).silenceExpiryNotice;
    let next = nextWork(this.silences.values(), now);
    const noticeDue = notice && nextNoticeAt(this.silences.values(), notice, this.noticed, now);
    // A notice already due was not sent yet (new silence, or a failed send): soon.
    if (noticeDue !== undefined) next = Math.min(next ?? Infinity, noticeDue > now ? noticeDue : now + PUSH_RETRY_MS);
    try {
      await Promise.all(Array.from({ length: shards }, (_, i) => shardStub(this.env, i).setSilences(inForce)));
    } catch {
      next = Math.min(next ?? Infinity, Date.now() + PUSH_RETRY_MS);
    }
    if (next === undefined) {
      await this.ctx.storage.deleteAlarm();
    } else {
      await this.ctx.storage.setAlarm(next);
      this.usage.alarmSet();
    }
  }
}

/**
 * The next time the Silences object has work: a silence expiring (shards drop
 * it), or an expired one reaching the end of its retention (collected).
 */
function nextWork(silences: Iterable<Silence>, now: number): number | undefined {
  let next: number | undefined;
  for (const s of silences) {
    const at = s.endsAt >= now ? s.endsAt + 1 : s.endsAt + SILENCE_RETENTION_MS;
    if (next === undefined || at < next) next = at;
  }
  return next;
}
