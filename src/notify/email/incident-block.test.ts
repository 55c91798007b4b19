import { describe, expect, it } from 'vitest';
import type { IncidentRef } from '../notification.js';
import { withIncidentBlock } from './incident-block.js';
import { renderEmail } from './render-email.js';
import { configOf, emailIntegration, notificationOf } from './testing/email-fixtures.js';
import { GOLDEN_EXTERNAL_URL, goldenConfig, MAIL_ALERTS } from './testdata/golden-scenario.js';

const INCIDENT: IncidentRef = {
  id: '42',
  status: 'triggered',
  policy: 'critical',
  url: 'https://ea.test/incidents/42',
  ackUrl: 'https://ea.test/ack/v1.a.b',
};
const headers = new Map<string, string>();

describe('withIncidentBlock', () => {
  it('ends the text part with the incident, its page and the acknowledge link, after a blank line', () => {
    expect(withIncidentBlock({ headers, text: 'Disk full' }, INCIDENT).text).toBe(
      'Disk full\n\nedgealert incident 42 (policy critical): triggered\nView incident: https://ea.test/incidents/42\nAcknowledge: https://ea.test/ack/v1.a.b\n',
    );
    expect(withIncidentBlock({ headers, text: 'Disk full\n' }, INCIDENT).text).toMatch(/^Disk full\n\nedgealert incident 42/);
  });

  it('puts a paragraph with the links just before </body> in the HTML part', () => {
    expect(withIncidentBlock({ headers, html: '<html><body><p>Disk full</p></BODY></html>' }, INCIDENT).html).toBe(
      '<html><body><p>Disk full</p><p>edgealert incident 42 (policy critical): triggered<br>' +
        '<a href="https://ea.test/incidents/42">View incident</a> | <a href="https://ea.test/ack/v1.a.b">Acknowledge</a></p>\n</BODY></html>',
    );
  });

  it('appends the paragraph to HTML without a </body>', () => {
    expect(withIncidentBlock({ headers, html: '<b>Disk full</b>' }, INCIDENT).html).toMatch(/^<b>Disk full<\/b>\n<p>edgealert incident 42 .*<\/p>\n$/);
  });

  it('escapes what it prints: text as HTML text, links as attribute URLs (unsafe schemes neutralised)', () => {
    const html = withIncidentBlock({ headers, html: '' }, { ...INCIDENT, policy: '<b>"x" & y</b>', url: 'javascript:alert(1)', ackUrl: 'https://ea.test/ack?a=1&b="2"' }).html;
    expect(html).toContain('(policy &lt;b&gt;&#34;x&#34; &amp; y&lt;/b&gt;)');
    expect(html).toContain('<a href="#ZgotmplZ">View incident</a>');
    expect(html).toContain('<a href="https://ea.test/ack?a=1&amp;b=%222%22">Acknowledge</a>');
  });

  it.each([
    ['acknowledged', { ...INCIDENT, status: 'acknowledged' as const }],
    ['resolved', { ...INCIDENT, status: 'resolved' as const, ackUrl: undefined }],
    ['triggered without a signed link', { ...INCIDENT, ackUrl: undefined }],
  ])('links only the incident page when it is %s', (_what, incident) => {
    const content = withIncidentBlock({ headers, text: 't', html: 'h' }, incident);
    expect(content.text).toContain('View incident: https://ea.test/incidents/42');
    expect(content.text).not.toContain('Acknowledge');
    expect(content.html).not.toContain('Acknowledge');
  });

  it('adds no part the config does not render', () => {
    expect(withIncidentBlock({ headers, html: 'h' }, INCIDENT)).not.toHaveProperty('text');
    expect(withIncidentBlock({ headers, text: 't' }, INCIDENT)).not.toHaveProperty('html');
  });
});

describe('renderEmail of an incident page', () => {
  const config = configOf(goldenConfig('127.0.0.1:587'));
  const render = (incident?: IncidentRef) => {
    const notification = { ...notificationOf('mail', { alertname: 'DiskFull' }, MAIL_ALERTS), ...(incident ? { incident } : {}) };
    const rendered = renderEmail(emailIntegration(config, 'mail'), config.templates, notification, GOLDEN_EXTERNAL_URL);
    if (!rendered.ok) throw new Error(rendered.error);
    return rendered.value.content;
  };

  it("adds the block to the default HTML (inside its body) and the configured text, and changes nothing else", () => {
    const plain = render();
    const paged = render(INCIDENT);
    expect(paged.headers).toEqual(plain.headers);
    expect(paged.text?.startsWith(plain.text ?? '')).toBe(true);
    expect(paged.text).toContain('Acknowledge: https://ea.test/ack/v1.a.b');
    expect(paged.html).toMatch(/<a href="https:\/\/ea\.test\/ack\/v1\.a\.b">Acknowledge<\/a><\/p>\n<\/body>\n<\/html>\n/);
    expect(paged.html?.replace(/<p>edgealert incident[^\n]*\n/, '')).toBe(plain.html);
  });
});
