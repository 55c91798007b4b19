/**
 * The OnCall Durable Object (one instance): a thin shell around
 * `IncidentDesk` (src/escalation/desk.ts). Shards hand it their escalating
 * groups' notifications; the API acknowledges and resolves through it; its
 * one alarm runs escalation steps and page deliveries.
 */
import { DurableObject } from 'cloudflare:workers';
import { IncidentDesk, type DeskAction, type DeskRefusal } from '../escalation/desk.js';
import type { Actor, Incident } from '../escalation/incident.js';
import type { GroupUpdate } from '../escalation/transitions.js';
import { workerEmailIO } from '../notify/email/worker-email-io.js';
import { createLogger, logLevelVar } from '../observability/log.js';
import type { OnCallAnswer } from '../oncall/index.js';
import type { Override } from '../oncall/override.js';
import type { Result } from '../util/result.js';
import { externalUrl, runtimeConfig } from './runtime-config.js';
import { AlarmSlot } from './alarm-slot.js';
import { SqlDeskStorage } from './sql-desk-storage.js';

export class OnCall extends DurableObject<Env> {
  private desk: IncidentDesk | undefined;
  private readonly alarmSlot: AlarmSlot;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.alarmSlot = new AlarmSlot(ctx.storage);
    void ctx.blockConcurrencyWhile(async () => {
      const storage = new SqlDeskStorage(ctx.storage.sql);
      await this.alarmSlot.load();
      this.desk = new IncidentDesk(runtimeConfig(env), storage, storage.load(), externalUrl(env), Date.now());
      await this.arm();
    });
  }

  /** Loads the object (the constructor arms the alarm for handoff notices); the cron trigger calls it. */
  async wake(): Promise<void> {
    await this.arm();
  }

  /** A group with an escalation notified (RPC from a Dispatcher shard's escalation delivery). */
  async update(update: GroupUpdate): Promise<void> {
    this.loaded().update(update, Date.now());
    await this.arm();
  }

  /** Acknowledge, un-acknowledge or resolve an incident by hand. */
  async act(id: string, action: DeskAction, by: Actor): Promise<Result<Incident, DeskRefusal>> {
    const result = this.loaded().act(id, action, by, Date.now());
    await this.arm();
    return result;
  }

  /** Acknowledges through a link whose signature the Worker checked. */
  async useLink(nonce: string, incidentId: string): Promise<Result<Incident, DeskRefusal>> {
    const result = this.loaded().useLink(nonce, incidentId, Date.now());
    await this.arm();
    return result;
  }

  async incidents(): Promise<Incident[]> {
    return this.loaded().list();
  }

  async incident(id: string): Promise<Incident | undefined> {
    return this.loaded().incident(id);
  }

  /** Who is on call (undefined: no such schedule; null: nobody). */
  async onCall(schedule: string, at: number): Promise<OnCallAnswer | null | undefined> {
    return this.loaded().onCall(schedule, at);
  }

  async overrides(schedule?: string): Promise<Override[]> {
    return this.loaded().overridesOf(schedule);
  }

  async addOverride(override: Override): Promise<void> {
    this.loaded().addOverride(override, Date.now());
    await this.arm();
  }

  async removeOverride(id: string): Promise<boolean> {
    const removed = this.loaded().removeOverride(id, Date.now());
    await this.arm();
    return removed;
  }

  override async alarm(): Promise<void> {
    this.alarmSlot.fired();
    const ackLinkKey = (this.env as unknown as Record<string, unknown>).ACK_LINK_SECRET;
    await this.loaded().runDue({
      clock: () => Date.now(),
      notify: { http: (url, init) => fetch(url, init), externalURL: externalUrl(this.env), email: workerEmailIO(this.env) },
      random: Math.random,
      randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
      log: createLogger({ level: logLevelVar(this.env) }),
      ...(typeof ackLinkKey === 'string' && ackLinkKey.length > 0 ? { ackLinkKey } : {}),
    });
    await this.arm();
  }

  private loaded(): IncidentDesk {
    if (!this.desk) throw new Error('OnCall used before its state was loaded');
    return this.desk;
  }

  private async arm(): Promise<void> {
    await this.alarmSlot.arm(this.loaded().nextDueAt());
  }
}
