/**
 * The loaded configuration: what the rest of the pipeline reads. It is built
 * from routes.yaml by `loadConfig` (schema -> secrets -> defaults ->
 * inheritance) and never changes afterwards. Durations are milliseconds.
 */
import type { Matcher } from '../matcher/types.js';
import type { TemplateSet } from '../template/index.js';
import type { TimeIntervalSet } from '../timeinterval/types.js';
import type { HeartbeatConfig, SilenceExpiryNotice } from './heartbeat-types.js';
import type { OnCallConfig } from './oncall-types.js';
import type { PagerdutyIntegration } from './pagerduty-config.js';
import type { SlackIntegration } from './slack-config.js';

/** A node of the routing tree with its settings already inherited. */
export interface Route {
  /** Position in the tree: root "0", its second child "0.1", ... Unique. */
  readonly id: string;
  /** Alertmanager's route key: matcher sets from the root down, joined by "/". */
  readonly key: string;
  readonly receiver: string;
  /** Labels to group by; ignored when groupByAll. */
  readonly groupBy: readonly string[];
  /** `group_by: ['...']`: every label of the alert groups. */
  readonly groupByAll: boolean;
  readonly groupWait: number;
  readonly groupInterval: number;
  readonly repeatInterval: number;
  /** Sorted like Alertmanager (name, value, type); all must match. */
  readonly matchers: readonly Matcher[];
  readonly continue: boolean;
  /** Not inherited, as in Alertmanager. */
  readonly muteTimeIntervals: readonly string[];
  readonly activeTimeIntervals: readonly string[];
  readonly routes: readonly Route[];
  /** edgealert option (inherited, default false): notify at once when a silence ends on a still-firing, already-notified alert. */
  readonly notifyOnSilenceEnd: boolean;
  /** edgealert option (inherited, default false): an alert notified as firing, then silenced, still gets its resolved notice. */
  readonly sendResolvedWhenSilenced: boolean;
  /** edgealert extension (inherited; `none` clears it): the escalation policy an incident of each group of this route runs. */
  readonly escalation?: string;
}

/**
 * Where an Authorization header comes from, as configured: basic_auth, or
 * `<type> <credentials>` (authorization, bearer_token, a Slack app token).
 * Its strings may hold secrets: the header is made from it once they are known.
 */
export type HttpAuth =
  | { readonly scheme: 'basic'; readonly username: string; readonly password: string }
  | { readonly scheme: 'credentials'; readonly type: string; readonly credentials: string }
  /** bearer_token: no header at all when the token is empty (as Alertmanager). */
  | { readonly scheme: 'bearer'; readonly token: string };

/** HTTP client settings shared by HTTP integrations (Alertmanager's http_config, the subset Workers can honour). */
export interface HttpConfig {
  /** What the Authorization header is made from (http-auth.ts); absent: no header. */
  readonly auth?: HttpAuth;
  /** Value of the Authorization header, made from `auth` with the secrets resolved (`Bearer x`, `Basic base64`). */
  readonly authorization?: string;
  readonly followRedirects: boolean;
}

export interface WebhookIntegration {
  readonly type: 'webhook';
  readonly url: string;
  readonly sendResolved: boolean;
  /** 0 = no limit. */
  readonly maxAlerts: number;
  readonly http: HttpConfig;
}

/** SMTP to a smarthost over Workers TCP sockets (Alertmanager's way). */
export interface SmtpTransport {
  readonly kind: 'smtp';
  readonly host: string;
  readonly port: number;
  /** EHLO name (global smtp_hello, default localhost). */
  readonly hello: string;
  /** STARTTLS is required; port 465 is TLS from the start instead. */
  readonly requireTls: boolean;
  readonly authUsername: string;
  /** Resolved from a `${NAME}` secret; never logged. */
  readonly authPassword: string;
  /** Resolved from a `${NAME}` secret (CRAM-MD5); never logged. */
  readonly authSecret: string;
  readonly authIdentity: string;
}

/** Cloudflare's `send_email` binding (edgealert extension, `transport: cloudflare`). */
export interface CloudflareEmailTransport {
  readonly kind: 'cloudflare';
  /** The binding's name in wrangler.toml (`[[send_email]] name = ...`). */
  readonly binding: string;
}

export interface EmailIntegration {
  readonly type: 'email';
  readonly sendResolved: boolean;
  /** Templates for the envelope and the To/From headers. */
  readonly to: string;
  readonly from: string;
  /** Header templates by canonical name, Subject, To and From included (Alertmanager's defaults filled in). */
  readonly headers: ReadonlyMap<string, string>;
  /** Part templates; an empty one leaves its part out. */
  readonly html: string;
  readonly text: string;
  readonly transport: SmtpTransport | CloudflareEmailTransport;
}

/** Integrations this build can deliver to. Grows as integration issues land. */
export type Integration = WebhookIntegration | EmailIntegration | PagerdutyIntegration | SlackIntegration;

export type { HeartbeatConfig, PagerdutyIntegration, SilenceExpiryNotice, SlackIntegration };

export interface Receiver {
  readonly name: string;
  readonly integrations: readonly Integration[];
  /** edgealert extension: at most `count` notifications per `perMs` (per shard). */
  readonly rateLimit?: { readonly count: number; readonly perMs: number };
}

export interface InhibitRule {
  readonly sourceMatchers: readonly Matcher[];
  readonly targetMatchers: readonly Matcher[];
  readonly equal: readonly string[];
}

export interface GlobalConfig {
  readonly resolveTimeout: number;
  /** Default http_config for integrations. */
  readonly http: HttpConfig;
}

/** How alerts delivered by an upstream Alertmanager's webhook are taken in (edgealert extension). */
export interface WebhookIngestConfig {
  /**
   * A firing alert from upstream carries no end; it resolves after this long
   * without being delivered again. Keep it above the upstream repeat_interval.
   */
  readonly resolveTimeout: number;
  /** How long a delivery's content is remembered at the edge to drop repeats (HA pairs, retries). */
  readonly dedupWindow: number;
}

export interface Config {
  readonly global: GlobalConfig;
  readonly route: Route;
  readonly receivers: ReadonlyMap<string, Receiver>;
  readonly inhibitRules: readonly InhibitRule[];
  /** Named time intervals (`time_intervals` and `mute_time_intervals` together). */
  readonly timeIntervals: TimeIntervalSet;
  /** Alertmanager's default templates and the `templates:` files, parsed (render with renderOrFallback). */
  readonly templates: TemplateSet;
  /** Dispatcher shards the group keys are spread over (edgealert extension, default 1). */
  readonly shards: number;
  readonly webhookIngest: WebhookIngestConfig;
  /** Dead-man's switches (edgealert extension, `heartbeats:`). */
  readonly heartbeats: readonly HeartbeatConfig[];
  /** A notice before a silence expires (edgealert extension), if configured. */
  readonly silenceExpiryNotice?: SilenceExpiryNotice;
  /** People, schedules and escalation policies (edgealert extension). */
  readonly oncall: OnCallConfig;
  /** The config text as written, secrets redacted as `<secret>` (for /api/v2/status). */
  readonly redactedOriginal: string;
  /** Every `${NAME}` the config references, for checks and redaction. */
  readonly secretNames: readonly string[];
}
