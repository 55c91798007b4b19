/**
 * The pages being delivered (incident pages and handoff notices), each a
 * stored flush job retried with backoff until sent or PAGE_RETRY_WINDOW_MS
 * has passed. Outcomes are reported to the incident's timeline through
 * `note`, and each attempt is counted in `edgealert_pages_total{integration,outcome}`.
 * The first attempt of a page to a still-triggered incident gets its own
 * single-use acknowledgement link.
 */
import type { Config } from '../config/types.js';
import { attemptDelivery } from '../group/deliver.js';
import { isSettled, nextAttemptAt, type FlushJob } from '../group/flush-job.js';
import type { DeliveryHost } from '../group/shard.js';
import { increment, type CounterValues } from '../metrics/counters.js';
import { withTraceparent } from '../notify/http-post.js';
import { notifiersFor } from '../notify/notifiers.js';
import { formatTraceparent, newSpan } from '../observability/trace-context.js';
import { ackLinkUrl, newNonce, signAckLink } from './ack-link.js';
import type { DeskStorage, IssuedLink } from './desk-storage.js';
import type { TimelineEvent } from './incident.js';

/** What a page attempt came to, as `edgealert_pages_total` and the `page_attempt` log line label it. */
export const PAGE_OUTCOMES = ['success', 'retry', 'failed'] as const;
export type PageOutcome = (typeof PAGE_OUTCOMES)[number];

/** How long an acknowledgement link in a page stays usable. */
export const ACK_LINK_TTL_MS = 24 * 3_600_000;

/** What the desk needs from its host to deliver pages. */
export interface DeskHost extends DeliveryHost {
  /** ACK_LINK_SECRET; without it pages carry no acknowledgement link. */
  readonly ackLinkKey?: string;
  /** Random bytes for link nonces. */
  readonly randomBytes: (n: number) => Uint8Array;
}

/** Adds a timeline entry to the incident `ownerId` (ignored for owners that are not incidents). */
export type PageNote = (ownerId: string, at: number, event: TimelineEvent, detail: string) => void;

export class PageQueue {
  private readonly jobs = new Map<string, FlushJob>();

  constructor(
    private readonly config: Config,
    private readonly storage: DeskStorage,
    jobs: readonly FlushJob[],
    private readonly externalURL: string,
    /** Where page attempts are counted (the desk's counters). */
    private readonly counters: CounterValues,
    private readonly note: PageNote,
    /** Records an issued acknowledgement link. */
    private readonly issued: (link: IssuedLink) => void,
    /** The trace a page continues: its incident's (the trace of the request that sent the group's first alert). */
    private readonly traceOf: (ownerId: string) => string | undefined = () => undefined,
  ) {
    for (const job of jobs) this.jobs.set(job.id, job);
    // Every integration's series from the start, so the first failure shows as an increase.
    for (const integration of new Set([...config.receivers.values()].flatMap((r) => r.integrations.map((i) => i.type)))) {
      for (const outcome of PAGE_OUTCOMES) increment(counters, 'edgealert_pages_total', { integration, outcome }, 0);
    }
  }

  add(job: FlushJob): void {
    this.jobs.set(job.id, job);
    this.storage.putJob(job);
  }

  nextDueAt(): number | undefined {
    let due: number | undefined;
    for (const job of this.jobs.values()) {
      const at = Math.min(nextAttemptAt(job) ?? Infinity, job.deadline);
      if (due === undefined || at < due) due = at;
    }
    return due;
  }

  /** Gives up what is out of time, then attempts every due delivery. */
  async runDue(host: DeskHost): Promise<void> {
    const now = host.clock();
    for (const job of this.jobs.values()) if (job.deadline <= now) this.settle(job, now);
    const attempts: Promise<void>[] = [];
    for (const job of this.jobs.values()) {
      for (const d of job.deliveries) if (d.state === 'pending' && d.dueAt <= now) attempts.push(this.deliver(job, d.index, host));
    }
    await Promise.all(attempts);
  }

  private async deliver(job: FlushJob, index: number, host: DeskHost): Promise<void> {
    const receiver = this.config.receivers.get(job.notification.receiver);
    const notifier = receiver && notifiersFor(receiver, this.config.templates)[index];
    const delivery = job.deliveries[index];
    if (!notifier || !delivery) return this.settle(job, host.clock());
    await this.attachAckLink(job, host);
    const span = newSpan(this.traceOf(job.groupId));
    const ctx = { ...host.notify, http: withTraceparent(host.notify.http, formatTraceparent(span)) };
    const { delivery: next } = await attemptDelivery(job, delivery, notifier, ctx, host.clock, host.random);
    job.deliveries[index] = next;
    const at = host.clock();
    const to = `${job.notification.receiver} (${notifier.name})`;
    if (next.state === 'sent') this.note(job.groupId, at, 'paged', to);
    if (next.state === 'failed') this.note(job.groupId, at, 'page_failed', `${to}: ${next.lastError ?? 'failed'}`);
    const outcome: PageOutcome = next.state === 'sent' ? 'success' : next.state === 'pending' ? 'retry' : 'failed';
    // Only a request made counts (a page with nothing to say is settled without one).
    if (next.attempts > delivery.attempts) increment(this.counters, 'edgealert_pages_total', { integration: notifier.name, outcome });
    host.log?.withTrace(span)[next.state === 'failed' ? 'warn' : 'info']('page_attempt', { owner: job.groupId, receiver: job.notification.receiver, integration: notifier.name, outcome, attempt: next.attempts });
    if (isSettled(job)) this.settle(job, at);
    else this.storage.putJob(job);
  }

  private async attachAckLink(job: FlushJob, host: DeskHost): Promise<void> {
    const ref = job.notification.incident;
    if (!ref || ref.ackUrl !== undefined || ref.status !== 'triggered' || !host.ackLinkKey) return;
    const expiresAt = host.clock() + ACK_LINK_TTL_MS;
    const nonce = newNonce(host.randomBytes);
    const token = await signAckLink({ incidentId: ref.id, action: 'ack', expiresAt, nonce }, host.ackLinkKey);
    this.issued({ nonce, incidentId: ref.id, receiver: job.notification.receiver, expiresAt });
    job.notification = { ...job.notification, incident: { ...ref, ackUrl: ackLinkUrl(this.externalURL, token) } };
    this.storage.putJob(job);
  }

  /** A page that is done (sent, failed or out of time) leaves the queue. */
  private settle(job: FlushJob, now: number): void {
    for (const d of job.deliveries) {
      if (d.state === 'pending') this.note(job.groupId, now, 'page_failed', `${job.notification.receiver}: gave up after ${d.attempts} attempt(s)`);
    }
    if (this.jobs.delete(job.id)) this.storage.deleteJob(job.id);
  }
}
