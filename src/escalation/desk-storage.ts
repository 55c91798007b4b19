/**
 * What the incident desk persists, as a synchronous interface (Durable
 * Object SQLite storage is synchronous); `memoryDeskStorage` backs unit tests.
 */
import * as z from 'zod';
import type { FlushJob } from '../group/flush-job.js';
import type { Override } from '../oncall/override.js';
import type { Incident } from './incident.js';

/** An acknowledgement link handed out in a page: usable once, until it expires. */
export const issuedLinkSchema = z.object({
  nonce: z.string(),
  incidentId: z.string(),
  /** The receiver whose page carried it (who used it, as far as edgealert can tell). */
  receiver: z.string(),
  expiresAt: z.number(),
  usedAt: z.number().optional(),
});
export type IssuedLink = z.infer<typeof issuedLinkSchema>;

export interface DeskStorage {
  putIncident(incident: Incident): void;
  deleteIncident(id: string): void;
  putJob(job: FlushJob): void;
  deleteJob(id: string): void;
  putOverride(override: Override): void;
  deleteOverride(id: string): void;
  putLink(link: IssuedLink): void;
  deleteLink(nonce: string): void;
  /** Small named values: the incident sequence, the next handoff of each schedule. */
  putMeta(key: string, value: number): void;
}

/** Everything the desk stored, read back at start-up. */
export interface DeskSnapshot {
  readonly incidents: readonly Incident[];
  readonly jobs: readonly FlushJob[];
  readonly overrides: readonly Override[];
  readonly links: readonly IssuedLink[];
  readonly meta: ReadonlyMap<string, number>;
}

/** An in-memory DeskStorage whose contents can be read back as a snapshot. */
export function memoryDeskStorage(): DeskStorage & { snapshot(): DeskSnapshot; writes: number } {
  const tables = {
    incidents: new Map<string, Incident>(),
    jobs: new Map<string, FlushJob>(),
    overrides: new Map<string, Override>(),
    links: new Map<string, IssuedLink>(),
  };
  const meta = new Map<string, number>();
  const put = <T>(table: Map<string, T>, key: string, value: T) => void (store.writes++, table.set(key, structuredClone(value)));
  const del = <T>(table: Map<string, T>, key: string) => void (store.writes++, table.delete(key));
  const store = {
    writes: 0,
    putIncident: (i: Incident) => put(tables.incidents, i.id, i),
    deleteIncident: (id: string) => del(tables.incidents, id),
    putJob: (j: FlushJob) => put(tables.jobs, j.id, j),
    deleteJob: (id: string) => del(tables.jobs, id),
    putOverride: (o: Override) => put(tables.overrides, o.id, o),
    deleteOverride: (id: string) => del(tables.overrides, id),
    putLink: (l: IssuedLink) => put(tables.links, l.nonce, l),
    deleteLink: (nonce: string) => del(tables.links, nonce),
    putMeta: (key: string, value: number) => void (store.writes++, meta.set(key, value)),
    snapshot: (): DeskSnapshot => ({
      incidents: [...tables.incidents.values()].map((x) => structuredClone(x)),
      jobs: [...tables.jobs.values()].map((x) => structuredClone(x)),
      overrides: [...tables.overrides.values()].map((x) => structuredClone(x)),
      links: [...tables.links.values()].map((x) => structuredClone(x)),
      meta: new Map(meta),
    }),
  };
  return store;
}
