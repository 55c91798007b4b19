/**
 * The signed acknowledgement links in pages: GET /ack/{token} shows what
 * the link acknowledges and a button; POST /ack/{token} acknowledges. No
 * login: the token is the credential (HMAC with ACK_LINK_SECRET, expiring,
 * single use). GET never changes anything, so mail scanners that open links
 * cannot acknowledge by accident.
 */
import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { verifyAckLink } from '../escalation/ack-link.js';
import type { Incident } from '../escalation/incident.js';
import { oncallStub } from './shards.js';

export const ackLinksApi = new Hono<{ Bindings: Env }>();

/** The pages post to themselves and load nothing. */
const PAGE_CSP = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

type Claims = { incidentId: string; nonce: string };

ackLinksApi.get('/:token', async (c) => {
  const claims = await checkToken(c);
  if (!('incidentId' in claims)) return claims;
  const incident = await oncallStub(c.env).incident(claims.incidentId);
  if (!incident) return page(c, 404, 'Incident not found', html`<p>Incident ${claims.incidentId} no longer exists.</p>`);
  if (incident.status !== 'triggered') return page(c, 409, `Incident ${incident.id} is ${incident.status}`, describe(incident));
  return page(
    c,
    200,
    `Acknowledge incident ${incident.id}?`,
    html`${describe(incident)}
      <form method="post"><button type="submit">Acknowledge incident ${incident.id}</button></form>
      <p>The link works once.</p>`,
  );
});

ackLinksApi.post('/:token', async (c) => {
  const claims = await checkToken(c);
  if (!('incidentId' in claims)) return claims;
  const result = await oncallStub(c.env).useLink(claims.nonce, claims.incidentId);
  if (!result.ok) return page(c, result.error.status, 'Not acknowledged', html`<p>${result.error.message}.</p>`);
  return page(c, 200, `Incident ${result.value.id} acknowledged`, html`${describe(result.value)}<p>Escalation has stopped.</p>`);
});

/** The token's claims, or the page saying why the link does not work. */
async function checkToken(c: Context<{ Bindings: Env }>): Promise<Claims | Response> {
  const key = (c.env as unknown as Record<string, unknown>).ACK_LINK_SECRET;
  if (typeof key !== 'string' || key === '') return page(c, 404, 'Acknowledgement links are not enabled', html`<p>This edgealert has no ACK_LINK_SECRET.</p>`);
  const verified = await verifyAckLink(c.req.param('token') ?? '', key, Date.now());
  if (verified.ok) return verified.value;
  if (verified.error === 'expired') return page(c, 410, 'This link has expired', html`<p>Acknowledge from Slack, the API or the UI instead.</p>`);
  return page(c, 404, 'This link is not valid', html`<p>Check that the whole link was copied.</p>`);
}

function describe(incident: Incident): HtmlEscapedString | Promise<HtmlEscapedString> {
  const labels = Object.entries(incident.groupLabels).map(([k, v]) => `${k}="${v}"`).join(', ');
  const firing = incident.alerts.filter((a) => a.status === 'firing').length;
  return html`<p>Incident ${incident.id} (policy ${incident.policy}), group {${labels}}: ${firing} firing alert(s), status ${incident.status}.</p>`;
}

function page(c: Context<{ Bindings: Env }>, status: 200 | 404 | 409 | 410, title: string, body: unknown) {
  c.header('Content-Security-Policy', PAGE_CSP);
  c.header('Cache-Control', 'no-store');
  return c.html(
    html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>${title} · edgealert</title>
        </head>
        <body>
          <h1>${title}</h1>
          ${body}
        </body>
      </html>`,
    status,
  );
}
