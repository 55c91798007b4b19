/**
 * The shape every integration has: built once from its config, then asked to
 * deliver a notification and report an outcome. Integrations never read the
 * clock or the global fetch; both come in through the context.
 */
import type { GroupUpdate } from '../escalation/transitions.js';
import type { EmailIO } from './email/email-io.js';
import type { Notification } from './notification.js';
import type { NotifyOutcome } from './outcome.js';

/** An HTTP client with fetch's signature (the Worker's fetch, or a test server's). */
export type HttpClient = (url: string, init: RequestInit) => Promise<Response>;

export interface NotifyContext {
  readonly http: HttpClient;
  /** Where links in notifications point (Alertmanager's --web.external-url). */
  readonly externalURL: string;
  /**
   * What this integration remembered from its last successful notification of
   * this group (e.g. a Slack message's channel and ts, to update it on resolve).
   */
  readonly memo?: Readonly<Record<string, string>>;
  /** Told of each templated field that failed to render (sent as "template error: ..."), to be counted. */
  readonly onTemplateError?: () => void;
  /** SMTP connections and send_email bindings; without it email integrations fail (never retried). */
  readonly email?: EmailIO;
  /** Hands a group's notification to the incident desk (routes with `escalation:`); absent where there is none. */
  readonly escalate?: (update: GroupUpdate) => Promise<void>;
}

export interface Notifier {
  /** Integration name as Alertmanager labels it (`webhook`, `slack`, ...). */
  readonly name: string;
  readonly sendResolved: boolean;
  notify(notification: Notification, ctx: NotifyContext): Promise<NotifyOutcome>;
}
