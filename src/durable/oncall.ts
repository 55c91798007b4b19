/**
 * The OnCall Durable Object (one instance): a thin shell around
 * `IncidentDesk` (src/escalation/desk.ts). Shards hand it their escalating
 * groups' notifications; the API acknowledges and resolves through it; its
 * one alarm runs escalation steps and page deliveries. It meters its own
 * billed usage, which `scrape()` reports for /metrics with the desk's counters.
 */
import { DurableObject } from 'cloudflare:workers';
import { IncidentDesk, type DeskAction, type DeskRefusal } from '../escalation/desk.js';
import type { Actor, Incident } from '../escalation/incident.js';
import type { GroupUpdate } from '../escalation/transitions.js';
import type { CounterValues } from '../metrics/counters.js';
import type { DurableObjectUsage } from '../metrics/durable-object-usage.js';
import { UsageMeter } from '../metrics/usage-meter.js';
import type { IncidentStatus } from '../notify/notification.js';
import type { OnCallAnswer } from '../oncall/index.js';
import type { Override } from '../oncall/override.js';
import type { Result } from '../util/result.js';
import { externalUrl, runtimeConfig } from './runtime-config.js';
import { AlarmSlot } from './alarm-slot.js';
import { workerDeliveryHost } from './delivery-host.js';
import { SqlDeskStorage } from './sql-desk-storage.js';

/** What a /metrics scrape reads from the OnCall object, in one request. */
export interface OnCallScrape {
  /** Incidents held, by status. */
  readonly incidents: Record<IncidentStatus, number>;
  /** Escalation steps fired and page attempts since the object started. */
  readonly counters: CounterValues;
  readonly usage: DurableObjectUsage;
}

export class OnCall extends DurableObject<Env> {
  private desk: IncidentDesk | undefined;
  private readonly alarmSlot: AlarmSlot;
  private readonly usage = new UsageMeter();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.alarmSlot = new AlarmSlot(ctx.storage, (before, after) => this.usage.alarmChanged(before, after));
    void ctx.blockConcurrencyWhile(async () => {
      const storage = new SqlDeskStorage(this.usage.sql(ctx.storage.sql));
      await this.alarmSlot.load();
      this.desk = new IncidentDesk(runtimeConfig(env), storage, storage.load(), externalUrl(env), Date.now());
      await this.arm();
    });
  }

  /** Loads the object (the constructor arms the alarm for handoff notices); the cron trigger calls it. */
  async wake(): Promise<void> {
    this.usage.request('wake');
    await this.arm();
  }

  /** A group with an escalation notified (RPC from a Dispatcher shard's escalation delivery). */
  async update(update: GroupUpdate): Promise<void> {
    this.usage.request('update');
    this.loaded().update(update, Date.now());
    await this.arm();
  }

  /** Acknowledge, un-acknowledge or resolve an incident by hand. */
  async act(id: string, action: DeskAction, by: Actor): Promise<Result<Incident, DeskRefusal>> {
    this.usage.request('act');
    const result = this.loaded().act(id, action, by, Date.now());
    await this.arm();
    return result;
  }

  /** Acknowledges through a link whose signature the Worker checked. */
  async useLink(nonce: string, incidentId: string): Promise<Result<Incident, DeskRefusal>> {
    this.usage.request('useLink');
    const result = this.loaded().useLink(nonce, incidentId, Date.now());
    await this.arm();
    return result;
  }

  async incidents(): Promise<Incident[]> {
    this.usage.request('incidents');
    return this.loaded().list();
  }

  async incident(id: string): Promise<Incident | undefined> {
    this.usage.request('incident');
    return this.loaded().incident(id);
  }

  /** Who is on call (undefined: no such schedule; null: nobody). */
  async onCall(schedule: string, at: number): Promise<OnCallAnswer | null | undefined> {
    this.usage.request('onCall');
    return this.loaded().onCall(schedule, at);
  }

  async overrides(schedule?: string): Promise<Override[]> {
    this.usage.request('overrides');
    return this.loaded().overridesOf(schedule);
  }

  async addOverride(override: Override): Promise<void> {
    this.usage.request('addOverride');
    this.loaded().addOverride(override, Date.now());
    await this.arm();
  }

  async removeOverride(id: string): Promise<boolean> {
    this.usage.request('removeOverride');
    const removed = this.loaded().removeOverride(id, Date.now());
    await this.arm();
    return removed;
  }

  /** Incidents by status, the desk's counters and this object's usage since it started. */
  async scrape(): Promise<OnCallScrape> {
    this.usage.request('scrape');
    const desk = this.loaded();
    return { incidents: desk.statusCounts(), counters: { ...desk.counters }, usage: this.usage.snapshot() };
  }

  override async alarm(): Promise<void> {
    this.usage.request('alarm');
    this.alarmSlot.fired();
    const ackLinkKey = (this.env as unknown as Record<string, unknown>).ACK_LINK_SECRET;
    await this.loaded().runDue({
      ...workerDeliveryHost(this.env),
      randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
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
