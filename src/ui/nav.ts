/**
 * The UI's pages as the navigation lists them, in order. A page is one entry
 * here plus its routes in app.tsx.
 */
import type { Scope } from '../auth/scopes.js';

export interface NavEntry {
  /** Absolute path of the page. */
  readonly path: string;
  readonly label: string;
  /** The scope needed to see the page (its actions may need more). */
  readonly scope: Scope;
}

export const NAV_ENTRIES = [
  { path: '/ui/alerts', label: 'Alerts', scope: 'read' },
  { path: '/ui/silences', label: 'Silences', scope: 'read' },
  { path: '/ui/incidents', label: 'Incidents', scope: 'read' },
  { path: '/ui/oncall', label: 'On call', scope: 'read' },
  { path: '/ui/heartbeats', label: 'Heartbeats', scope: 'read' },
  { path: '/ui/status', label: 'Status', scope: 'read' },
] as const satisfies readonly NavEntry[];

/** The nav entry a path belongs to (`/ui/silences/new` is under Silences). */
export function currentEntry(path: string): NavEntry | undefined {
  return NAV_ENTRIES.find((entry) => path === entry.path || path.startsWith(`${entry.path}/`));
}
