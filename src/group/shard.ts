/**
 * A Dispatcher shard's state and rules: the alerts it holds, its aggregation
 * groups, the notification log and the flushes in progress. Plain TypeScript:
 * the Durable Object shell supplies storage, the clock and an HTTP client,
 * then arms its alarm at `nextDueAt()`.
 */
import { mergeIncoming } from '../alert/merge.js';
import { isResolvedAt, type Alert } from '../alert/types.js';
import type { Config, Route } from '../config/types.js';
import { NotificationLog } from '../nflog/notification-log.js';
import { buildInhibitor } from '../inhibit/inhibitor.js';
import type { NotifyContext } from '../notify/integration.js';
import { withTimeout, withTraceparent } from '../notify/http-post.js';
import type { Logger } from '../observability/log.js';
import { formatTraceparent, newSpan } from '../observability/trace-context.js';
import { mutedByTime, suppressionReasons, unmutedAlerts, type Muting } from '../notify/mute-stage.js';
import { applySilenceOptions } from '../notify/silence-options.js';
import type { Silence } from '../silence/types.js';
import { increment, type CounterValues } from '../metrics/counters.js';
import { MAX_AGGREGATION_GROUPS_PER_SHARD } from '../limits.js';
import { snapshotAlerts } from '../notify/notification.js';
import { notifiersFor } from '../notify/notifiers.js';
import { findRoute, matchRoutes } from '../route/match-routes.js';
import { alertGroupId, groupId, groupLabelsFor } from '../route/group-labels.js';
import {
  advanceTimer,
  fromRecord,
  insertAlert,
  newGroup,
  rememberSilenced,
  toRecord,
  type AggregationGroup,
} from './aggregation-group.js';
import { recordAttempt } from './attempt-telemetry.js';
import { attemptDelivery } from './deliver.js';
import { withEscalation } from '../escalation/escalation-notifier.js';
import type { GroupUpdate } from '../escalation/transitions.js';
import { alertSets, allDelivered, isSettled, nextAttemptAt, notificationFor, type FlushJob } from './flush-job.js';
import { ReceiverRateLimits } from '../notify/rate-limit.js';
import { EndsAtLedger, persistAction } from './ends-at-ledger.js';
import { FirstDueGroup } from './first-due-group.js';
import { planFlush } from './plan-flush.js';
import type { ShardSnapshot, ShardStorage } from './shard-storage.js';

/** An alert and the ids of the routes (on this shard) it was routed to. */
export interface IngestItem {
  readonly alert: Alert;
  readonly routeIds: readonly string[];
}

/** What the shard needs from its host to deliver notifications. */
export interface DeliveryHost {
  readonly clock: () => number;
  readonly notify: NotifyContext;
  readonly random: () => number;
  /** Where notification attempts are logged (none: not logged). */
  readonly log?: Logger;
}

/**
 * How long after a run last found an attempt still in flight the shard wants
 * to be woken: if the object died meanwhile, the alarm then retries it.
 */
export const IN_FLIGHT_RECHECK_MS = 10_000;

export class Shard {
  /** Notification counters since this shard started (Prometheus handles the reset on restart). */
  readonly counters: CounterValues = {};
  readonly alerts = new Map<string, Alert>();
  readonly groups = new Map<string, AggregationGroup>();
  private readonly ledger: EndsAtLedger;
  private readonly refs = new Map<string, number>();
  private readonly nflog: NotificationLog;
  private readonly jobs = new Map<string, FlushJob>();
  /** Attempts under way (`jobId/index` -> when a run last saw them): another runDue() leaves them alone. */
  private readonly inFlight = new Map<string, number>();
  private readonly rateLimits = new ReceiverRateLimits();
  private nextCollectAt = 0;
  private silences: Map<string, Silence>;
  /** Alerts held only as inhibition sources (no group here holds them); forgotten once resolved. */
  private readonly sourcesOnly = new Set<string>();
  private readonly firstDueGroup = new FirstDueGroup(this.groups);

  constructor(
    private readonly config: Config,
    private readonly storage: ShardStorage,
    snapshot: ShardSnapshot,
    now: number,
    /** The alarm the shard's host had stored, if any: ticks due since then still run. */
    storedAlarm: number | null = null,
    /** New groups beyond this many are refused (Alertmanager's --dispatch.max-aggregation-groups). */
    private readonly maxGroups = MAX_AGGREGATION_GROUPS_PER_SHARD,
  ) {
    const dueFrom = storedAlarm === null ? now : Math.min(now, storedAlarm);
    this.ledger = new EndsAtLedger(storage, snapshot.alerts, snapshot.checkpoint, snapshot.checkpointChunks);
    for (const alert of snapshot.alerts) {
      this.alerts.set(alert.fingerprint, { ...alert, endsAt: this.ledger.stored(alert.fingerprint) ?? alert.endsAt });
    }
    for (const record of snapshot.groups) {
      const route = findRoute(config.route, record.routeId);
      if (route && groupId(route, record.labels) === record.id) this.addGroup(fromRecord(record, route, dueFrom));
      else storage.deleteGroup(record.id); // the routing tree changed under it
    }
    this.nflog = new NotificationLog(storage, snapshot.nflog);
    for (const job of snapshot.jobs) this.jobs.set(job.id, job);
    this.silences = new Map(snapshot.silences.map((silence) => [silence.id, silence]));
    if (config.shards === 1) this.regroupOrphans(now);
    for (const fp of this.alerts.keys()) if (!this.refs.has(fp)) this.sourcesOnly.add(fp);
  }

  /**
   * Replaces the known silences (the Silences object pushes the unexpired ones
   * on every change). Only changed rows are written; memory follows storage.
   */
  setSilences(silences: readonly Silence[]): void {
    const next = new Map(silences.map((silence) => [silence.id, silence]));
    for (const silence of silences) {
      if (this.silences.get(silence.id)?.updatedAt !== silence.updatedAt) this.storage.putSilence(silence);
    }
    for (const id of this.silences.keys()) if (!next.has(id)) this.storage.deleteSilence(id);
    this.silences = next;
  }

  /** Stores alerts (merging re-sends) and adds them to their groups. */
  ingest(items: readonly IngestItem[], now: number): void {
    for (const { alert, routeIds } of items) {
      const previous = this.alerts.get(alert.fingerprint);
      const merged = mergeIncoming(previous, alert, now);
      this.alerts.set(merged.fingerprint, merged);
      const action = persistAction(previous, merged, this.ledger.stored(merged.fingerprint));
      if (action === 'row') {
        this.storage.putAlert(merged);
        this.ledger.wroteRow(merged.fingerprint, merged.endsAt);
      } else if (action === 'refresh') {
        this.ledger.refreshed(merged.fingerprint, merged.endsAt);
      }
      for (const routeId of routeIds) {
        const route = findRoute(this.config.route, routeId);
        if (route) this.insertIntoGroup(route, merged, now);
      }
      // No routes here: an inhibition source whose groups live on other shards.
      if (!this.refs.has(merged.fingerprint)) this.sourcesOnly.add(merged.fingerprint);
    }
    this.ledger.flush(now);
  }

  /** When the alarm should next fire, if anything is scheduled. */
  nextDueAt(): number | undefined {
    let due: number | undefined;
    const consider = (t: number | undefined) => {
      if (t !== undefined && (due === undefined || t < due)) due = t;
    };
    consider(this.firstDueGroup.firstDueAt());
    for (const job of this.jobs.values()) {
      consider(Math.min(nextAttemptAt(job, (index) => this.inFlight.has(attemptKey(job, index))) ?? Infinity, job.deadline));
    }
    // Counted from the last run that saw the attempt, so a run finding it still under way re-arms later, not at once.
    for (const seenAt of this.inFlight.values()) consider(seenAt + IN_FLIGHT_RECHECK_MS);
    for (const fp of this.sourcesOnly) consider(this.alerts.get(fp)?.endsAt);
    return due;
  }

  /**
   * Runs everything due: expired flushes end, due groups flush, due deliveries
   * are attempted. Runs may overlap (an alarm while a push's flush is still
   * delivering): an attempt under way is not started again. A flush ends at
   * its deadline even with an attempt under way (as Alertmanager cancels the
   * flush's context), so the group's next tick flushes on time; that attempt
   * is aborted at the deadline too, and if the receiver got it anyway the
   * notification log still records it.
   */
  async runDue(host: DeliveryHost): Promise<void> {
    const now = host.clock();
    for (const key of this.inFlight.keys()) this.inFlight.set(key, now);
    for (const job of this.jobs.values()) if (job.deadline <= now) this.giveUp(job);
    const due = [...this.groups.values()].filter((g) => g.nextFlushAt <= now);
    if (due.length > 0) {
      const inhibitor = buildInhibitor(this.config.inhibitRules, this.alerts.values(), now);
      const muting: Muting = { inhibitor, silences: [...this.silences.values()], now };
      for (const group of due) this.flush(group, muting);
    }
    const attempts: Promise<void>[] = [];
    for (const job of this.jobs.values()) {
      for (const delivery of job.deliveries) {
        if (delivery.state !== 'pending' || delivery.dueAt > now || this.inFlight.has(attemptKey(job, delivery.index))) continue;
        attempts.push(this.deliverOnce(job, delivery.index, host));
      }
    }
    await Promise.all(attempts);
    this.collectGarbage(now);
  }

  /** How many delivery attempts are under way (tests wait for a push's deliveries with it). */
  attemptsUnderWay(): number {
    return this.inFlight.size;
  }

  private insertIntoGroup(route: Route, alert: Alert, now: number): void {
    let group = this.groups.get(alertGroupId(route, alert));
    if (!group) {
      // As Alertmanager: the alert stays stored (and can inhibit) but joins no group; counted, never notified.
      if (this.groups.size >= this.maxGroups) return void increment(this.counters, 'alertmanager_dispatcher_aggregation_group_limit_reached_total', {});
      group = newGroup(route, groupLabelsFor(route, alert.labels), now);
      this.addGroup(group);
    }
    const isNew = !group.members.has(alert.fingerprint);
    if (insertAlert(group, alert, route, now)) this.storage.putGroup(toRecord(group));
    this.firstDueGroup.inserted(group);
    if (isNew) this.refs.set(alert.fingerprint, (this.refs.get(alert.fingerprint) ?? 0) + 1);
    this.sourcesOnly.delete(alert.fingerprint);
  }

  private addGroup(group: AggregationGroup): void {
    this.groups.set(group.id, group);
    for (const fp of group.members) this.refs.set(fp, (this.refs.get(fp) ?? 0) + 1);
  }

  /** One tick of a group: plan the notification and start its deliveries. */
  private flush(group: AggregationGroup, muting: Muting): void {
    const { now } = muting;
    const route = findRoute(this.config.route, group.routeId);
    const receiver = route && this.config.receivers.get(route.receiver);
    if (!route || !receiver || group.members.size === 0) return this.dropGroup(group);
    if (advanceTimer(group, route, now)) this.storage.putGroup(toRecord(group));
    // A tick replayed after a restart while that tick's flush is still delivering.
    if ([...this.jobs.values()].some((job) => job.groupId === group.id)) return;
    const members = [...group.members].flatMap((fp) => this.alerts.get(fp) ?? []);
    const snapshot = snapshotAlerts(members, now);
    const notifiers = withEscalation(route, notifiersFor(receiver, this.config.templates));
    const nflogEntry = (index: number) => this.nflog.get(group.id, route.receiver, index);
    const timeMuted = mutedByTime(route, this.config.timeIntervals, now);
    const options = applySilenceOptions({
      route,
      snapshot,
      unmuted: timeMuted ? [] : unmutedAlerts(snapshot, muting),
      muting,
      timeMuted,
      silencedBefore: group.silenced ?? new Set(),
      notifiedFiring: () => new Set(notifiers.flatMap((_, i) => nflogEntry(i)?.firing ?? [])),
    });
    if (rememberSilenced(group, options.silencedNow)) this.storage.putGroup(toRecord(group));
    for (const reason of suppressionReasons(snapshot, muting, timeMuted)) increment(this.counters, 'alertmanager_notifications_suppressed_total', { reason });
    const job = planFlush({
      group,
      route,
      snapshot,
      alerts: options.alerts,
      sendResolved: notifiers.map((n) => n.sendResolved),
      nflogEntry,
      now,
      forceNotify: options.silenceEnded,
    });
    if (isSettled(job)) return this.finish(job);
    this.jobs.set(job.id, job);
    this.storage.putJob(job);
  }

  /** `deliver`, marked in flight from its start (synchronously) to its end. */
  private async deliverOnce(job: FlushJob, index: number, host: DeliveryHost): Promise<void> {
    const key = attemptKey(job, index);
    this.inFlight.set(key, host.clock());
    try {
      await this.deliver(job, index, host);
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async deliver(job: FlushJob, index: number, host: DeliveryHost): Promise<void> {
    const route = findRoute(this.config.route, this.groups.get(job.groupId)?.routeId ?? '');
    const receiver = this.config.receivers.get(job.notification.receiver);
    const notifier = receiver && route && withEscalation(route, notifiersFor(receiver, this.config.templates))[index];
    const delivery = job.deliveries[index];
    if (!notifier || !delivery || !route) return this.giveUp(job);
    // A rate-limited receiver: wait for a token (not an attempt; the deadline still applies).
    const wait = notificationFor(job, delivery).alerts.length > 0 ? this.rateLimits.wait(receiver, host.clock()) : 0;
    if (wait > 0) {
      job.deliveries[index] = { ...delivery, dueAt: host.clock() + wait };
      return this.storage.putJob(job);
    }
    const memo = this.nflog.get(job.groupId, job.notification.receiver, index)?.memo;
    const onTemplateError = () => increment(this.counters, 'edgealert_template_errors_total', { integration: notifier.name });
    // The notification continues the trace of the request that first sent its first alert.
    const first = notificationFor(job, delivery).alerts[0];
    const span = newSpan(first && this.alerts.get(first.fingerprint)?.traceId);
    const http = withTimeout(withTraceparent(host.notify.http, formatTraceparent(span)), job.deadline - host.clock());
    const escalate = host.notify.escalate;
    const traced = escalate && { escalate: (update: GroupUpdate) => escalate({ ...update, traceId: span.traceId }) };
    const ctx = { ...host.notify, http, onTemplateError, ...(memo ? { memo } : {}), ...traced };
    const startedAt = host.clock();
    const { delivery: next } = await attemptDelivery(job, delivery, notifier, ctx, host.clock, host.random);
    if (next.attempts > delivery.attempts) {
      recordAttempt(this.counters, host.log, { job, integration: notifier.name, delivery: next, seconds: (host.clock() - startedAt) / 1000, span });
    }
    if (next.state === 'sent') this.nflog.log(job.groupId, job.notification.receiver, index, { ...alertSets(job), ...(next.memo ? { memo: next.memo } : {}) }, host.clock());
    // Given up meanwhile (its deadline passed): what the receiver got is logged above, the job is gone.
    if (this.jobs.get(job.id) !== job) return;
    job.deliveries[index] = next;
    if (isSettled(job)) this.finish(job);
    else this.storage.putJob(job);
  }

  /** A settled flush: when every integration got it, resolved alerts leave the group. */
  private finish(job: FlushJob): void {
    if (this.jobs.delete(job.id)) this.storage.deleteJob(job.id);
    const group = this.groups.get(job.groupId);
    if (!group || !allDelivered(job)) return;
    let changed = false;
    for (const a of job.resolvedSnapshot) {
      const current = this.alerts.get(a.fingerprint);
      // Only if it was not re-sent since the snapshot.
      if (!current || current.updatedAt !== a.updatedAt) continue;
      changed = group.members.delete(a.fingerprint) || changed;
      this.release(a.fingerprint);
    }
    if (changed) this.storage.putGroup(toRecord(group));
  }

  private giveUp(job: FlushJob): void {
    job.deliveries = job.deliveries.map((d) => (d.state === 'pending' ? { ...d, state: 'failed' } : d));
    this.finish(job);
  }

  private dropGroup(group: AggregationGroup): void {
    this.groups.delete(group.id);
    this.storage.deleteGroup(group.id);
    for (const fp of group.members) this.release(fp);
  }

  /** One group fewer holds the alert; an alert no group holds any more is forgotten. */
  private release(fingerprint: string): void {
    const left = (this.refs.get(fingerprint) ?? 1) - 1;
    if (left > 0) return void this.refs.set(fingerprint, left);
    this.refs.delete(fingerprint);
    this.sourcesOnly.delete(fingerprint);
    this.alerts.delete(fingerprint);
    this.ledger.forget(fingerprint);
    this.storage.deleteAlert(fingerprint);
  }

  /**
   * Alerts no group holds after a restart (the routing tree changed, and with
   * it the groups) are routed again, as Alertmanager does on a config reload.
   */
  private regroupOrphans(now: number): void {
    for (const alert of this.alerts.values()) {
      if (this.refs.has(alert.fingerprint)) continue;
      for (const route of matchRoutes(this.config.route, alert.labels)) this.insertIntoGroup(route, alert, now);
      if (!this.refs.has(alert.fingerprint)) this.release(alert.fingerprint);
    }
  }

  /**
   * Forgets resolved alerts held only as inhibition sources, and, at most once
   * an hour, notification log entries past their retention.
   */
  private collectGarbage(now: number): void {
    for (const fp of this.sourcesOnly) {
      const alert = this.alerts.get(fp);
      if (!alert || isResolvedAt(alert, now)) this.release(fp);
    }
    if (now < this.nextCollectAt) return;
    this.nextCollectAt = now + 3_600_000;
    this.nflog.collect(now);
  }

}

function attemptKey(job: FlushJob, index: number): string {
  return `${job.id}/${index}`;
}
