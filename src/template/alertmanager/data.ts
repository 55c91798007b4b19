/**
 * Alertmanager 0.25's template.Data, Alert and Alerts: the value notification
 * templates run on (`.Receiver`, `.Alerts.Firing`, `.CommonLabels`, ...),
 * built from an edgealert Notification as template.go's Data builds it.
 */
import type { Notification, NotifyAlert } from '../../notify/notification.js';
import { goTypeInfo } from '../values.js';
import { GoTime } from './go-time.js';
import { KV } from './kv.js';

/** template.Alert: one alert. */
export class Alert {
  constructor(
    readonly Status: string,
    readonly Labels: KV,
    readonly Annotations: KV,
    readonly StartsAt: GoTime,
    readonly EndsAt: GoTime,
    readonly GeneratorURL: string,
    readonly Fingerprint: string,
  ) {}
}
Object.defineProperty(Alert.prototype, goTypeInfo, { value: { name: 'template.Alert' } });

function alertList(alerts: Alert[]): Alert[] {
  return Object.defineProperty(alerts, goTypeInfo, { value: { name: '[]template.Alert' } });
}

/** template.Alerts: the notification's alerts, with Firing and Resolved. */
export class Alerts extends Array<Alert> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** The firing alerts (a []template.Alert, never nil). */
  Firing(): Alert[] {
    return alertList(this.filter((a) => a.Status === 'firing'));
  }

  /** The resolved alerts. */
  Resolved(): Alert[] {
    return alertList(this.filter((a) => a.Status === 'resolved'));
  }
}
Object.defineProperty(Alerts.prototype, goTypeInfo, { value: { name: 'template.Alerts' } });

/** template.Data: what a notification template runs on. */
export class Data {
  constructor(
    readonly Receiver: string,
    readonly Status: string,
    readonly Alerts: Alerts,
    readonly GroupLabels: KV,
    readonly CommonLabels: KV,
    readonly CommonAnnotations: KV,
    readonly ExternalURL: string,
  ) {}
}
Object.defineProperty(Data.prototype, goTypeInfo, { value: { name: '*template.Data' } });

export interface TemplateDataOptions {
  /** Alertmanager's --web.external-url: where links point, without a trailing slash. */
  readonly externalURL: string;
}

/**
 * The template data for a notification, as Alertmanager's Template.Data
 * builds it: the receiver name regexp-quoted (QuoteMeta, as 0.25 does),
 * status "firing" if any alert fires, and the labels and annotations all
 * alerts share. A firing alert's EndsAt is Go's zero time.
 */
export function templateData(notification: Notification, options: TemplateDataOptions): Data {
  const alerts = new Alerts();
  for (const a of notification.alerts) alerts.push(toAlert(a));
  const firing = notification.alerts.some((a) => a.status === 'firing');
  return new Data(
    quoteMeta(notification.receiver),
    firing ? 'firing' : 'resolved',
    alerts,
    KV.of(notification.groupLabels),
    common(notification.alerts.map((a) => a.labels)),
    common(notification.alerts.map((a) => a.annotations)),
    options.externalURL,
  );
}

function toAlert(a: NotifyAlert): Alert {
  return new Alert(
    a.status,
    KV.of(a.labels),
    KV.of(a.annotations),
    new GoTime(a.startsAt),
    new GoTime(a.endsAt ?? Number.NEGATIVE_INFINITY),
    a.generatorURL,
    a.fingerprint,
  );
}

/**
 * The pairs every set has, as Go compares them: a missing key reads as "",
 * so an empty annotation value is common with an absent one.
 */
function common(sets: readonly Readonly<Record<string, string>>[]): KV {
  const [first, ...rest] = sets;
  const kv = new KV();
  if (!first) return kv;
  for (const [name, value] of Object.entries(first)) {
    if (rest.every((set) => (Object.hasOwn(set, name) ? set[name] : '') === value)) kv.set(name, value);
  }
  return kv;
}

/** Go's regexp.QuoteMeta. */
export function quoteMeta(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, (c) => `\\${c}`);
}
