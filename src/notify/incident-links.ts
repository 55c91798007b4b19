/**
 * The links an integration adds to a page sent by an incident (see
 * IncidentRef): the incident's page, and while it is still triggered, its
 * signed acknowledge link. Shared so every integration words them alike.
 */
import type { IncidentRef } from './notification.js';

export interface IncidentLink {
  readonly href: string;
  readonly text: string;
}

/** The acknowledge link, when the page has one and acknowledging still makes sense (the incident is triggered). */
export function ackUrlOf(incident: IncidentRef): string | undefined {
  return incident.status === 'triggered' && incident.ackUrl ? incident.ackUrl : undefined;
}

/** The incident's page, then its acknowledge link if there is one (ackUrlOf). */
export function incidentLinks(incident: IncidentRef): IncidentLink[] {
  const ackUrl = ackUrlOf(incident);
  return [
    { href: incident.url, text: `edgealert incident ${incident.id}` },
    ...(ackUrl ? [{ href: ackUrl, text: `Acknowledge incident ${incident.id}` }] : []),
  ];
}

/** One line saying which incident a page belongs to: `edgealert incident 12 (policy critical): triggered`. */
export function incidentSummary(incident: IncidentRef): string {
  return `edgealert incident ${incident.id} (policy ${incident.policy}): ${incident.status}`;
}
