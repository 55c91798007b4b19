/**
 * The Silences Durable Object: the one authoritative copy of all silences.
 * Every change is saved, then pushed to every Dispatcher shard, so the next
 * flush anywhere sees it; a push that fails is retried from the alarm.
 * Expired silences are kept for the retention period, then collected.
 */
import { DurableObject } from 'cloudflare:workers';
import { shardStub } from '../api/shards.js';
import type { PostableSilence } from '../silence/postable.js';
import { SILENCE_RETENTION_MS, silenceSchema, type Silence } from '../silence/types.js';
import { expireSilence, upsertSilence, type SilenceRejection } from '../silence/upsert.js';
import type { Result } from '../util/result.js';
import { runtimeConfig } from './runtime-config.js';

const PUSH_RETRY_MS = 1000;
const COLLECT_EVERY_MS = 3_600_000;

export class Silences extends DurableObject<Env> {
  private readonly silences = new Map<string, Silence>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS silences (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
    for (const row of ctx.storage.sql.exec<{ doc: string }>('SELECT doc FROM silences').toArray()) {
      const silence = silenceSchema.parse(JSON.parse(row.doc));
      this.silences.set(silence.id, silence);
    }
  }

  /** Creates or updates a silence; the id to return to the client, or why not. */
  async upsert(posted: PostableSilence): Promise<Result<{ id: string }, SilenceRejection>> {
    const change = upsertSilence(this.silences, posted, Date.now(), () => crypto.randomUUID());
    if (!change.ok) return change;
    this.save(change.value.writes);
    await this.push();
    return { ok: true, value: { id: change.value.id } };
  }

  /** Expires a silence now. */
  async expire(id: string): Promise<Result<void, SilenceRejection>> {
    const expired = expireSilence(this.silences, id, Date.now());
    if (!expired.ok) return expired;
    if (expired.value) {
      this.save([expired.value]);
      await this.push();
    }
    return { ok: true, value: undefined };
  }

  /** Every silence, expired ones included (until collected). */
  async list(): Promise<Silence[]> {
    return [...this.silences.values()];
  }

  override async alarm(): Promise<void> {
    const now = Date.now();
    const collected = [...this.silences.values()].filter((s) => s.endsAt + SILENCE_RETENTION_MS <= now);
    for (const silence of collected) {
      this.silences.delete(silence.id);
      this.ctx.storage.sql.exec('DELETE FROM silences WHERE id = ?', silence.id);
    }
    await this.push();
  }

  private save(silences: readonly Silence[]): void {
    for (const silence of silences) {
      this.silences.set(silence.id, silence);
      this.ctx.storage.sql.exec('INSERT OR REPLACE INTO silences (id, doc) VALUES (?, ?)', silence.id, JSON.stringify(silence));
    }
  }

  /** Sends the current silences to every shard; on failure, tries again shortly. */
  private async push(): Promise<void> {
    const silences = [...this.silences.values()];
    const shards = runtimeConfig(this.env).shards;
    try {
      await Promise.all(Array.from({ length: shards }, (_, i) => shardStub(this.env, i).setSilences(silences)));
      await this.ctx.storage.setAlarm(Date.now() + COLLECT_EVERY_MS);
    } catch {
      await this.ctx.storage.setAlarm(Date.now() + PUSH_RETRY_MS);
    }
  }
}
