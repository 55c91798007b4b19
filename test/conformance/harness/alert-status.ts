/**
 * What GET /api/v2/alerts says about muting: each alert's state, the
 * silences silencing it and the alerts inhibiting it, keyed by its label set
 * so two peers can be compared. Silence ids differ per peer: pass `silenceNames`
 * (id -> a name the test chose) to get comparable names instead.
 */
import { formatLabels } from './notification.js';
import type { RunningPeer } from './peer-process.js';

export interface MutingStatus {
  readonly state: string;
  /** Names (or ids, when not named) of the silences, sorted. */
  readonly silencedBy: readonly string[];
  /** Fingerprints of the inhibiting alerts, sorted. */
  readonly inhibitedBy: readonly string[];
}

/** The muting status of every unresolved alert matching `filter` (e.g. `scenario="x"`), by formatted label set. */
export async function mutingStatuses(
  peer: RunningPeer,
  filter: string,
  silenceNames: ReadonlyMap<string, string> = new Map(),
): Promise<Record<string, MutingStatus>> {
  const response = await fetch(`${peer.url}/api/v2/alerts?filter=${encodeURIComponent(filter)}`);
  if (response.status !== 200) throw new Error(`GET /api/v2/alerts on ${peer.url}: ${response.status} ${await response.text()}`);
  const alerts = (await response.json()) as {
    labels: Record<string, string>;
    status: { state: string; silencedBy: string[]; inhibitedBy: string[] };
  }[];
  const result: Record<string, MutingStatus> = {};
  for (const alert of alerts) {
    result[formatLabels(alert.labels)] = {
      state: alert.status.state,
      silencedBy: alert.status.silencedBy.map((id) => silenceNames.get(id) ?? id).sort(),
      inhibitedBy: [...alert.status.inhibitedBy].sort(),
    };
  }
  return result;
}

/** The fingerprints GET /api/v2/alerts gives the alerts matching `filter`, by formatted label set. */
export async function fingerprints(peer: RunningPeer, filter: string): Promise<Record<string, string>> {
  const response = await fetch(`${peer.url}/api/v2/alerts?filter=${encodeURIComponent(filter)}`);
  const alerts = (await response.json()) as { labels: Record<string, string>; fingerprint: string }[];
  return Object.fromEntries(alerts.map((a) => [formatLabels(a.labels), a.fingerprint]));
}
