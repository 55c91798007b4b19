import { describe, expect, it } from 'vitest';
import type { PagerdutyEventConfig } from '../../config/pagerduty-config.js';
import { goJson } from '../go-json.js';
import type { IncidentRef } from '../notification.js';
import { encodeEvent, DETAILS_REMOVED, MAX_EVENT_BYTES } from './event-size.js';
import { MAX_SUMMARY_RUNES, pagerdutyMessage } from './payload.js';

const EVENT: PagerdutyEventConfig = {
  client: '',
  clientUrl: '',
  description: 'summary',
  details: {},
  images: [],
  links: [],
  source: 'src',
  severity: '',
  class: '',
  component: '',
  group: '',
};
const asIs = (text: string) => text;
const v2 = (event: Partial<PagerdutyEventConfig>, action: 'trigger' | 'resolve' = 'trigger', incident?: IncidentRef) =>
  pagerdutyMessage({ key: { api: 'v2', routingKey: 'rk' }, event: { ...EVENT, ...event } }, asIs, { action, dedupKey: 'dk', incident });
const v1 = (event: Partial<PagerdutyEventConfig>, action: 'trigger' | 'resolve' = 'trigger', incident?: IncidentRef) =>
  pagerdutyMessage({ key: { api: 'v1', serviceKey: 'sk' }, event: { ...EVENT, ...event } }, asIs, { action, dedupKey: 'dk', incident });

describe('pagerdutyMessage', () => {
  it('v2: routing_key, dedup_key, event_action, payload with severity "error" by default; empty fields omitted', () => {
    expect(goJson(v2({}))).toBe('{"routing_key":"rk","dedup_key":"dk","event_action":"trigger","payload":{"summary":"summary","source":"src","severity":"error"}}\n');
  });

  it('v1: service_key, incident_key, event_type, and the zero event_action and payload Go still writes', () => {
    expect(goJson(v1({ client: 'c' }))).toBe(
      '{"service_key":"sk","incident_key":"dk","event_type":"trigger","description":"summary","event_action":"","payload":null,"client":"c"}\n',
    );
  });

  it('v1 sends client and client_url with a trigger only; v2 with both', () => {
    expect(v1({ client: 'c', clientUrl: 'u' }, 'resolve')).not.toHaveProperty('client');
    expect(v2({ client: 'c', clientUrl: 'u' }, 'resolve')).toMatchObject({ client: 'c', client_url: 'u' });
  });

  it('drops images without src and links without href', () => {
    const message = v2({
      images: [
        { src: '', alt: 'a', href: 'h' },
        { src: 's', alt: '', href: '' },
      ],
      links: [
        { href: '', text: 't' },
        { href: 'h', text: '' },
      ],
    });
    expect(message.images).toEqual([{ src: 's', alt: '', href: '' }]);
    expect(message.links).toEqual([{ href: 'h', text: '' }]);
  });

  it(`cuts the summary to ${MAX_SUMMARY_RUNES} characters, ending in "…"`, () => {
    const summary = v2({ description: 'é'.repeat(2000) }).payload?.summary ?? '';
    expect([...summary]).toHaveLength(MAX_SUMMARY_RUNES);
    expect(summary.endsWith('é…')).toBe(true);
  });

  it("sorts details by key as Go encodes maps (capitals first) and keeps empty ones", () => {
    expect(Object.keys(v2({ details: { b: '', a: '1', Z: '2' } }).payload?.custom_details ?? {})).toEqual(['Z', 'a', 'b']);
  });
});

describe('encodeEvent (512 KB guard)', () => {
  it('sends an event under the limit as it is', () => {
    const encoded = encodeEvent(v2({ details: { d: 'x'.repeat(1000) } }));
    expect(encoded).toMatchObject({ ok: true, value: { detailsRemoved: false } });
  });

  it("replaces the details with Alertmanager's note when the event is over the limit (v2: custom_details, v1: details)", () => {
    for (const message of [v2({ details: { d: 'x'.repeat(MAX_EVENT_BYTES) } }), v1({ details: { d: 'x'.repeat(MAX_EVENT_BYTES) } })]) {
      const encoded = encodeEvent(message);
      expect(encoded).toMatchObject({ ok: true, value: { detailsRemoved: true } });
      expect(encoded.ok && encoded.value.body).toContain(JSON.stringify({ error: DETAILS_REMOVED }));
    }
  });

  it('counts bytes, not characters', () => {
    const justUnder = (MAX_EVENT_BYTES - 200) / 2;
    expect(encodeEvent(v2({ details: { d: 'é'.repeat(justUnder) } }))).toMatchObject({ value: { detailsRemoved: false } });
    expect(encodeEvent(v2({ details: { d: 'é'.repeat(justUnder + 200) } }))).toMatchObject({ value: { detailsRemoved: true } });
  });

  it('refuses an event still over the limit without its details', () => {
    const links = Array.from({ length: 600 }, (_, i) => ({ href: `https://x.test/${i}/${'a'.repeat(1000)}`, text: '' }));
    const encoded = encodeEvent(v2({ links }));
    expect(encoded.ok).toBe(false);
    expect(!encoded.ok && encoded.error.bytes).toBeGreaterThan(MAX_EVENT_BYTES);
  });
});

describe('pagerdutyMessage of an incident page', () => {
  const incident: IncidentRef = { id: '42', status: 'triggered', policy: 'critical', url: 'https://ea.test/incidents/42', ackUrl: 'https://ea.test/ack/v1.a.b' };
  const LINKS = [
    { href: 'https://ea.test/incidents/42', text: 'edgealert incident 42' },
    { href: 'https://ea.test/ack/v1.a.b', text: 'Acknowledge incident 42' },
  ];

  it('v2: adds the incident and its acknowledge link after the configured links', () => {
    expect(v2({ links: [{ href: 'https://runbook.test', text: 'runbook' }] }, 'trigger', incident).links).toEqual([{ href: 'https://runbook.test', text: 'runbook' }, ...LINKS]);
    expect(goJson(v2({}, 'trigger', incident))).toBe(
      '{"routing_key":"rk","dedup_key":"dk","event_action":"trigger","payload":{"summary":"summary","source":"src","severity":"error"},' +
        '"links":[{"href":"https://ea.test/incidents/42","text":"edgealert incident 42"},{"href":"https://ea.test/ack/v1.a.b","text":"Acknowledge incident 42"}]}\n',
    );
  });

  it('v1: adds them to a trigger as link contexts, last', () => {
    const message = v1({ details: { d: '1' } }, 'trigger', incident);
    expect(Object.keys(message).slice(-2)).toEqual(['details', 'contexts']);
    expect(message.contexts).toEqual(LINKS.map((l) => ({ type: 'link', ...l })));
    expect(v1({}, 'resolve', incident)).not.toHaveProperty('contexts');
  });

  it.each([
    ['acknowledged', { ...incident, status: 'acknowledged' as const }],
    ['resolved', { ...incident, status: 'resolved' as const, ackUrl: undefined }],
    ['triggered without a signed link', { ...incident, ackUrl: undefined }],
  ])('links only the incident when it is %s', (_what, ref) => {
    expect(v2({}, 'trigger', ref).links).toEqual([LINKS[0]]);
  });

  it('is the same message as before without an incident', () => {
    expect(v2({ links: [{ href: 'h', text: 't' }] }, 'trigger', undefined)).toEqual(v2({ links: [{ href: 'h', text: 't' }] }));
    expect(v1({}, 'trigger', undefined)).not.toHaveProperty('contexts');
  });
});
