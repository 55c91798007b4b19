/**
 * The incident desk: every incident, the pages being delivered, schedule
 * overrides and the acknowledgement links handed out. Plain TypeScript: the
 * OnCall Durable Object supplies storage, the clock and an HTTP client, then
 * arms its alarm at `nextDueAt()`. Counts steps fired and page attempts in
 * memory (`counters`) and incidents by status (`statusCounts()`) for /metrics.
 */
import type { Config } from '../config/types.js';
import type { EscalationTarget } from '../config/oncall-types.js';
import { increment, type CounterValues } from '../metrics/counters.js';
import { INCIDENT_STATUSES, type IncidentStatus } from '../notify/notification.js';
import { onCallAt, type OnCallAnswer } from '../oncall/index.js';
import type { Override } from '../oncall/override.js';
import { err, ok, type Result } from '../util/result.js';
import type { DeskSnapshot, DeskStorage, IssuedLink } from './desk-storage.js';
import { withEntry, type Actor, type Incident } from './incident.js';
import { HandoffClock, type Handoff } from './handoff-clock.js';
import { handoffNotice } from './handoff-notice.js';
import { noticeJob, pageJob } from './page-job.js';
import { PageQueue, type DeskHost } from './page-queue.js';
import { personReceivers } from './people.js';
import * as t from './transitions.js';

/** Resolved incidents are kept this long, then forgotten. */
export const RESOLVED_RETENTION_MS = 30 * 24 * 3_600_000;
/** Ended overrides are kept this long (history on the on-call page). */
export const OVERRIDE_RETENTION_MS = 7 * 24 * 3_600_000;

export type DeskAction = 'ack' | 'unack' | 'resolve';

/** A refused action: 404 unknown incident, 409 not possible in its state, 410 link used or expired. */
export interface DeskRefusal {
  readonly status: 404 | 409 | 410;
  readonly message: string;
}

export type { DeskHost };

export class IncidentDesk {
  /** Escalation steps fired and page attempts since this desk started (Prometheus handles the reset on restart). */
  readonly counters: CounterValues = {};
  private readonly incidents = new Map<string, Incident>();
  /** Open (not resolved) incident id by group key. */
  private readonly openByGroup = new Map<string, string>();
  private readonly pages: PageQueue;
  private readonly overrides = new Map<string, Override>();
  private readonly links = new Map<string, IssuedLink>();
  private sequence: number;
  private nextCollectAt = 0;
  private readonly handoffs: HandoffClock;

  constructor(
    private readonly config: Config,
    private readonly storage: DeskStorage,
    snapshot: DeskSnapshot,
    /** Where links in pages point (the Worker's EXTERNAL_URL). */
    private readonly externalURL: string,
    now: number,
  ) {
    for (const incident of snapshot.incidents) this.remember(incident);
    // Every policy's series from the start, so the first step it fires shows as an increase.
    for (const policy of config.oncall.escalationPolicies.keys()) increment(this.counters, 'edgealert_escalation_steps_total', { policy }, 0);
    this.pages = new PageQueue(config, storage, snapshot.jobs, externalURL, this.counters, (id, at, event, detail) => this.note(id, { at, event, detail }), (link) => {
      this.links.set(link.nonce, link);
      storage.putLink(link);
    }, (id) => this.incidents.get(id)?.traceId);
    for (const o of snapshot.overrides) this.overrides.set(o.id, o);
    for (const l of snapshot.links) this.links.set(l.nonce, l);
    this.sequence = snapshot.meta.get('incident-seq') ?? 0;
    this.handoffs = new HandoffClock(config.oncall, storage, snapshot.meta, (schedule) => this.overridesOf(schedule), now);
  }

  /** A group with an escalation notified: open its incident, or bring it up to date. */
  update(update: t.GroupUpdate, now: number): void {
    const policy = this.config.oncall.escalationPolicies.get(update.policy);
    const openId = this.openByGroup.get(update.groupKey);
    const open = openId === undefined ? undefined : this.incidents.get(openId);
    if (open) return this.commit(t.applyGroupUpdate(open, update, policy, now, this.resolveTargets), now);
    if (!update.alerts.some((a) => a.status === 'firing')) return;
    this.sequence += 1;
    this.storage.putMeta('incident-seq', this.sequence);
    this.commit(t.openIncident(String(this.sequence), update, policy, now, this.resolveTargets), now);
  }

  /** Acknowledge, un-acknowledge or resolve by hand. */
  act(id: string, action: DeskAction, by: Actor, now: number): Result<Incident, DeskRefusal> {
    const incident = this.incidents.get(id);
    if (!incident) return err({ status: 404, message: `incident ${JSON.stringify(id)} not found` });
    const policy = this.config.oncall.escalationPolicies.get(incident.policy);
    const result =
      action === 'ack'
        ? t.acknowledge(incident, by, now)
        : action === 'unack'
          ? t.unacknowledge(incident, policy, by, now, this.resolveTargets)
          : t.resolveByHand(incident, by, now);
    if (!result.ok) return err({ status: 409, message: result.error });
    this.commit(result.value, now);
    return ok(result.value.incident);
  }

  /** An acknowledgement link whose signature checked out: it works once, before it expires. */
  useLink(nonce: string, incidentId: string, now: number): Result<Incident, DeskRefusal> {
    const link = this.links.get(nonce);
    if (!link || link.incidentId !== incidentId || link.expiresAt <= now) return err({ status: 410, message: 'this acknowledgement link has expired' });
    if (link.usedAt !== undefined) return err({ status: 410, message: 'this acknowledgement link was already used' });
    const used = { ...link, usedAt: now };
    this.links.set(nonce, used);
    this.storage.putLink(used);
    return this.act(incidentId, 'ack', { name: `whoever received the page to ${link.receiver}`, via: 'link' }, now);
  }

  incident(id: string): Incident | undefined {
    return this.incidents.get(id);
  }

  /** How many incidents are held in each status (resolved ones until their retention ends); every status present. */
  statusCounts(): Record<IncidentStatus, number> {
    const counts = Object.fromEntries(INCIDENT_STATUSES.map((status) => [status, 0])) as Record<IncidentStatus, number>;
    for (const incident of this.incidents.values()) counts[incident.status] += 1;
    return counts;
  }

  /** Incidents newest first. */
  list(): Incident[] {
    return [...this.incidents.values()].sort((a, b) => b.openedAt - a.openedAt || Number(b.id) - Number(a.id));
  }

  /** Who is on call for a schedule at an instant (undefined: no such schedule). */
  onCall(schedule: string, at: number): OnCallAnswer | null | undefined {
    const config = this.config.oncall.schedules.get(schedule);
    return config && onCallAt(config, this.overridesOf(schedule), at);
  }

  overridesOf(schedule?: string): Override[] {
    return [...this.overrides.values()].filter((o) => schedule === undefined || o.schedule === schedule).sort((a, b) => a.start - b.start);
  }

  addOverride(override: Override, now: number): void {
    this.overrides.set(override.id, override);
    this.storage.putOverride(override);
    this.handoffs.reschedule(override.schedule, now);
  }

  removeOverride(id: string, now: number): boolean {
    const override = this.overrides.get(id);
    if (!override) return false;
    this.overrides.delete(id);
    this.storage.deleteOverride(id);
    this.handoffs.reschedule(override.schedule, now);
    return true;
  }

  /** When the alarm should next fire, if anything is scheduled. */
  nextDueAt(): number | undefined {
    let due: number | undefined;
    const consider = (at: number | undefined) => {
      if (at !== undefined && (due === undefined || at < due)) due = at;
    };
    for (const id of this.openByGroup.values()) {
      const incident = this.incidents.get(id);
      if (incident) consider(t.nextStepDueAt(incident, this.config.oncall.escalationPolicies.get(incident.policy)));
    }
    consider(this.pages.nextDueAt());
    consider(this.handoffs.nextDueAt());
    return due;
  }

  /** Runs due steps, then due page deliveries; forgets what is past its retention. */
  async runDue(host: DeskHost): Promise<void> {
    const now = host.clock();
    for (const id of [...this.openByGroup.values()]) {
      const incident = this.incidents.get(id);
      if (incident) this.commit(t.runDueSteps(incident, this.config.oncall.escalationPolicies.get(incident.policy), now, this.resolveTargets), now);
    }
    for (const handoff of this.handoffs.takeDue(now)) this.queueHandoffNotice(handoff, now);
    await this.pages.runDue(host);
    this.collectGarbage(now);
  }

  /** Who a step reaches now: receivers as named, people's contact methods, whoever is on call. */
  private readonly resolveTargets: t.TargetResolver = (targets: readonly EscalationTarget[], at: number) => {
    const receivers = new Set<string>();
    const nobodyOnCall: string[] = [];
    for (const target of targets) {
      if (target.kind === 'receiver') receivers.add(target.name);
      else if (target.kind === 'person') for (const r of personReceivers(this.config.oncall, target.name)) receivers.add(r);
      else {
        const answer = this.onCall(target.name, at);
        if (!answer) nobodyOnCall.push(target.name);
        else for (const r of personReceivers(this.config.oncall, answer.person)) receivers.add(r);
      }
    }
    return { receivers: [...receivers], nobodyOnCall };
  };

  /** Stores a transition's incident and queues its pages. */
  private commit({ incident, pages, stepsFired = 0 }: t.Transition, now: number): void {
    if (stepsFired > 0) increment(this.counters, 'edgealert_escalation_steps_total', { policy: incident.policy }, stepsFired);
    if (incident !== this.incidents.get(incident.id)) {
      this.remember(incident);
      this.storage.putIncident(incident);
    }
    for (const page of pages) {
      for (const name of page.receivers) {
        const receiver = this.config.receivers.get(name);
        if (!receiver) {
          this.note(incident.id, { at: now, event: 'page_failed', detail: `receiver ${name} is not in the config any more` });
          continue;
        }
        this.pages.add(pageJob(incident, receiver, page.kind, now, this.externalURL));
      }
    }
  }

  /** Tells the incoming person, through each of their receivers. */
  private queueHandoffNotice({ schedule, at, incoming }: Handoff, now: number): void {
    for (const name of personReceivers(this.config.oncall, incoming.person)) {
      const receiver = this.config.receivers.get(name);
      if (!receiver) continue;
      this.pages.add(noticeJob(`handoff:${schedule}:${at}:${name}`, `handoff:${schedule}`, handoffNotice(schedule, incoming.person, name, at, incoming.until), receiver, now));
    }
  }

  private remember(incident: Incident): void {
    this.incidents.set(incident.id, incident);
    if (incident.status === 'resolved') {
      if (this.openByGroup.get(incident.groupKey) === incident.id) this.openByGroup.delete(incident.groupKey);
    } else this.openByGroup.set(incident.groupKey, incident.id);
  }

  /** Adds a timeline entry to an incident (page outcomes). */
  private note(id: string, entry: Omit<Parameters<typeof withEntry>[1], 'actor'>): void {
    const incident = this.incidents.get(id);
    if (!incident) return;
    const next = withEntry(incident, { ...entry, actor: { name: 'edgealert', via: 'system' } });
    this.remember(next);
    this.storage.putIncident(next);
  }

  /** At most once an hour. */
  private collectGarbage(now: number): void {
    if (now < this.nextCollectAt) return;
    this.nextCollectAt = now + 3_600_000;
    for (const incident of this.incidents.values()) {
      if (incident.status === 'resolved' && (incident.resolved?.at ?? 0) + RESOLVED_RETENTION_MS <= now) {
        this.incidents.delete(incident.id);
        this.storage.deleteIncident(incident.id);
      }
    }
    for (const link of this.links.values()) {
      if (link.expiresAt > now) continue;
      this.links.delete(link.nonce);
      this.storage.deleteLink(link.nonce);
    }
    for (const o of this.overrides.values()) if (o.end + OVERRIDE_RETENTION_MS <= now) this.removeOverride(o.id, now);
  }
}
