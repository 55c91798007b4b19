/**
 * `pagerduty_configs:` entries: Alertmanager 0.25's PagerdutyConfig, every
 * field, its validation and defaults. A `routing_key` sends Events API v2
 * events to `url` (default global.pagerduty_url); a `service_key` sends the
 * older v1 events, which Alertmanager always posts to PagerDuty's fixed v1
 * endpoint; edgealert uses the entry's own `url` for them when one is given
 * (tests, proxies).
 */
import * as z from 'zod';
import { PAGERDUTY_FIELD_DEFAULTS } from '../template/alertmanager/index.js';
import { httpUrlSchema } from './address-schemas.js';
import { toHttpConfig } from './http-auth.js';
import { httpConfigSchema } from './http-config-schema.js';
import { fileField } from './refused-fields.js';
import { expected, goBool, goString } from './scalar-schemas.js';
import { strictObject } from './strict-object.js';
import type { HttpConfig } from './types.js';

/** Alertmanager's default global.pagerduty_url (Events API v2). */
export const DEFAULT_PAGERDUTY_URL = 'https://events.pagerduty.com/v2/enqueue';

/** Where Alertmanager 0.25 posts v1 (service_key) events. */
export const PAGERDUTY_V1_URL = 'https://events.pagerduty.com/generic/2010-04-15/create_event.json';

const optionalString = goString.optional();

const imageSchema = strictObject({ src: optionalString, alt: optionalString, href: optionalString });
const linkSchema = strictObject({ href: optionalString, text: optionalString });

/** A `pagerduty_configs:` entry as written. */
export const pagerdutyConfigSchema = strictObject({
  send_resolved: goBool.optional(),
  http_config: httpConfigSchema.optional(),
  service_key: optionalString,
  service_key_file: fileField('service_key'),
  routing_key: optionalString,
  routing_key_file: fileField('routing_key'),
  url: httpUrlSchema.optional(),
  client: optionalString,
  client_url: optionalString,
  description: optionalString,
  details: z.record(z.string(), goString, { error: expected('a mapping of strings') }).optional(),
  images: z.array(imageSchema, { error: expected('a list') }).optional(),
  links: z.array(linkSchema, { error: expected('a list') }).optional(),
  source: optionalString,
  severity: optionalString,
  class: optionalString,
  component: optionalString,
  group: optionalString,
}).superRefine((c, ctx) => {
  if (!c.routing_key && !c.service_key) ctx.addIssue({ code: 'custom', message: 'missing service or routing key in PagerDuty config' });
});

export type RawPagerdutyConfig = z.output<typeof pagerdutyConfigSchema>;

/** The event as configured: every string is a template, rendered per notification. */
export interface PagerdutyEventConfig {
  readonly client: string;
  readonly clientUrl: string;
  readonly description: string;
  /** Alertmanager's four default details, then the config's (which override them). */
  readonly details: Readonly<Record<string, string>>;
  readonly images: readonly { readonly src: string; readonly alt: string; readonly href: string }[];
  readonly links: readonly { readonly href: string; readonly text: string }[];
  readonly source: string;
  /** "" renders as "error", as in Alertmanager. */
  readonly severity: string;
  readonly class: string;
  readonly component: string;
  readonly group: string;
}

export interface PagerdutyIntegration {
  readonly type: 'pagerduty';
  /** Default true, as in Alertmanager. */
  readonly sendResolved: boolean;
  /** Events API v2 with a routing key, or v1 with a service key (v1 wins when both are set, as in Alertmanager). */
  readonly key: { readonly api: 'v2'; readonly routingKey: string } | { readonly api: 'v1'; readonly serviceKey: string };
  readonly url: string;
  readonly http: HttpConfig;
  readonly event: PagerdutyEventConfig;
}

/** Alertmanager's global settings a PagerDuty entry falls back on. */
export interface PagerdutyGlobals {
  readonly http: HttpConfig;
  readonly pagerdutyUrl?: string;
}

/** The integration for a validated entry. */
export function buildPagerdutyIntegration(raw: RawPagerdutyConfig, globals: PagerdutyGlobals): PagerdutyIntegration {
  const serviceKey = raw.service_key ?? '';
  const key = serviceKey !== '' ? { api: 'v1' as const, serviceKey } : { api: 'v2' as const, routingKey: raw.routing_key ?? '' };
  const v2Url = raw.url ?? globals.pagerdutyUrl ?? DEFAULT_PAGERDUTY_URL;
  return {
    type: 'pagerduty',
    sendResolved: raw.send_resolved ?? true,
    key,
    url: key.api === 'v1' ? (raw.url ?? PAGERDUTY_V1_URL) : v2Url,
    http: toHttpConfig(raw.http_config, globals.http),
    event: eventConfig(raw),
  };
}

function eventConfig(raw: RawPagerdutyConfig): PagerdutyEventConfig {
  const d = PAGERDUTY_FIELD_DEFAULTS;
  const client = raw.client ?? d.client;
  return {
    client,
    clientUrl: raw.client_url ?? d.clientURL,
    description: raw.description ?? d.description,
    details: { ...d.details, ...raw.details },
    images: (raw.images ?? []).map((i) => ({ src: i.src ?? '', alt: i.alt ?? '', href: i.href ?? '' })),
    links: (raw.links ?? []).map((l) => ({ href: l.href ?? '', text: l.text ?? '' })),
    // Alertmanager: an empty source is the client's template.
    source: raw.source || client,
    severity: raw.severity ?? '',
    class: raw.class ?? '',
    component: raw.component ?? '',
    group: raw.group ?? '',
  };
}
