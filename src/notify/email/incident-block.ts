/**
 * What an email of an incident page ends with: which incident it is, a
 * link to it and, while it is triggered and the page has one, the signed
 * acknowledge link. The HTML part gets a paragraph just before `</body>`
 * (at the end where there is none), escaped as html/template escapes the
 * rest of the default email; the text part gets the same as plain lines
 * after a blank line. Only parts the config renders are touched.
 */
import { htmlAttributeURL, htmlEscape } from '../../template/alertmanager/html-escape.js';
import { ackUrlOf, incidentSummary } from '../incident-links.js';
import type { IncidentRef } from '../notification.js';
import type { MessageContent } from './mime/message.js';

/** The content with the incident block added to each part it has. */
export function withIncidentBlock(content: MessageContent, incident: IncidentRef): MessageContent {
  return {
    ...content,
    ...(content.text !== undefined ? { text: appendText(content.text, incident) } : {}),
    ...(content.html !== undefined ? { html: insertHtml(content.html, incident) } : {}),
  };
}

function appendText(text: string, incident: IncidentRef): string {
  const ackUrl = ackUrlOf(incident);
  const lines = [incidentSummary(incident), `View incident: ${incident.url}`, ...(ackUrl ? [`Acknowledge: ${ackUrl}`] : [])];
  return `${text}${text.endsWith('\n') ? '\n' : '\n\n'}${lines.join('\n')}\n`;
}

function insertHtml(html: string, incident: IncidentRef): string {
  const ackUrl = ackUrlOf(incident);
  const link = (href: string, label: string) => `<a href="${htmlAttributeURL(href)}">${label}</a>`;
  const links = [link(incident.url, 'View incident'), ...(ackUrl ? [link(ackUrl, 'Acknowledge')] : [])];
  const paragraph = `<p>${htmlEscape(incidentSummary(incident))}<br>${links.join(' | ')}</p>\n`;
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? `${html}\n${paragraph}` : `${html.slice(0, at)}${paragraph}${html.slice(at)}`;
}
