/**
 * Test data shaped like Alertmanager 0.25's template.Data, with the Go type
 * names and methods templates see (template/template.go), and the few
 * Alertmanager functions the engine tests need. It is the data the
 * reference outputs in the tests were captured with: two firing alerts
 * pushed to the real Alertmanager, rendered through a Slack receiver.
 */
import { goTypeInfo, variadic, type GoTypeInfo } from '../values.js';

function typed<T extends object>(value: T, name: string): T {
  return Object.defineProperty(value, goTypeInfo, { value: { name } satisfies GoTypeInfo });
}

/** time.Time: prints like Go's Time.String(). */
export class GoTime {
  constructor(private readonly iso: string) {}
  String(): string {
    return `${this.iso.replace('T', ' ').replace('Z', '')} +0000 UTC`;
  }
}
Object.defineProperty(GoTime.prototype, goTypeInfo, { value: { name: 'time.Time' } });

export class Pair {
  constructor(
    readonly Name: string,
    readonly Value: string,
  ) {}
}
Object.defineProperty(Pair.prototype, goTypeInfo, { value: { name: 'template.Pair' } });

export class Pairs extends Array<Pair> {
  Names(): string[] {
    return typed(Array.from(this, (p) => p.Name), '[]string');
  }
  Values(): string[] {
    return typed(Array.from(this, (p) => p.Value), '[]string');
  }
}
Object.defineProperty(Pairs.prototype, goTypeInfo, { value: { name: 'template.Pairs' } });

/** KV is map[string]string: a missing key is "" under missingkey=zero. */
export class KV extends Map<string, string> {
  SortedPairs(): Pairs {
    const names = [...this.keys()].filter((k) => k !== 'alertname').sort();
    if (this.has('alertname')) names.unshift('alertname');
    const pairs = new Pairs();
    for (const name of names) pairs.push(new Pair(name, this.get(name) ?? ''));
    return pairs;
  }
  Remove(keys: string[]): KV {
    return new KV([...this].filter(([k]) => !keys.includes(k)));
  }
  Names(): string[] {
    return this.SortedPairs().Names();
  }
  Values(): string[] {
    return this.SortedPairs().Values();
  }
}
Object.defineProperty(KV.prototype, goTypeInfo, { value: { name: 'template.KV', elemZero: '' } });

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

export class Alerts extends Array<Alert> {
  Firing(): Alert[] {
    return typed([...this].filter((a) => a.Status === 'firing'), '[]template.Alert');
  }
  Resolved(): Alert[] {
    return typed([...this].filter((a) => a.Status === 'resolved'), '[]template.Alert');
  }
}
Object.defineProperty(Alerts.prototype, goTypeInfo, { value: { name: 'template.Alerts' } });

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

const zeroTime = new GoTime('0001-01-01T00:00:00Z');
const startsAt = new GoTime('2023-01-02T03:04:05Z');

/** The two firing alerts of the reference runs, grouped by alertname. */
export function referenceData(): Data {
  const alerts = new Alerts();
  alerts.push(
    new Alert(
      'firing',
      new KV([['alertname', 'A'], ['severity', 'critical'], ['instance', 'h1']]),
      new KV([['summary', 'disk full']]),
      startsAt,
      zeroTime,
      'http://prom/graph',
      '8ab28391aca212f1',
    ),
    new Alert(
      'firing',
      new KV([['alertname', 'A'], ['severity', 'warning'], ['instance', 'h2']]),
      new KV([['summary', 'disk full']]),
      startsAt,
      zeroTime,
      '',
      'd272dda83c15ef35',
    ),
  );
  const common = new KV([['alertname', 'A']]);
  return new Data('r', 'firing', alerts, new KV([['alertname', 'A']]), common, new KV([['summary', 'disk full']]), 'http://am.example');
}

/** The Alertmanager functions the reference templates use (template.DefaultFuncs). */
export const alertmanagerFuncs = {
  toUpper: (s: string): string => s.toUpperCase(),
  // cases.Title: upper-cases the first letter of each word and lower-cases the rest.
  title: (s: string): string => s.toLowerCase().replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase()),
  join: (sep: string, items: string[]): string => items.join(sep),
  stringSlice: variadic((...items: string[]): string[] => typed(items, '[]string')),
};
