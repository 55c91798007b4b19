/**
 * DeskStorage on the OnCall Durable Object's SQLite database; rows are
 * validated with zod when read back. The object passes its metered `sql`, so
 * these rows show on /metrics.
 */
import * as z from 'zod';
import { issuedLinkSchema, type DeskSnapshot, type DeskStorage, type IssuedLink } from '../escalation/desk-storage.js';
import { incidentSchema, type Incident } from '../escalation/incident.js';
import { flushJobSchema, type FlushJob } from '../group/flush-job.js';
import type { SqlExec } from '../metrics/usage-meter.js';
import { overrideSchema, type Override } from '../oncall/override.js';
import { SqlDocs } from './sql-docs.js';

type Table = 'incidents' | 'jobs' | 'overrides' | 'links' | 'meta';

export class SqlDeskStorage implements DeskStorage {
  private readonly docs: SqlDocs<Table>;

  constructor(sql: SqlExec) {
    this.docs = new SqlDocs(sql, ['incidents', 'jobs', 'overrides', 'links', 'meta']);
  }

  load(): DeskSnapshot {
    return {
      incidents: this.docs.rows('incidents').map(([, doc]) => incidentSchema.parse(doc)),
      jobs: this.docs.rows('jobs').map(([, doc]) => flushJobSchema.parse(doc)),
      overrides: this.docs.rows('overrides').map(([, doc]) => overrideSchema.parse(doc)),
      links: this.docs.rows('links').map(([, doc]) => issuedLinkSchema.parse(doc)),
      meta: new Map(this.docs.rows('meta').map(([id, doc]) => [id, z.number().parse(doc)])),
    };
  }

  putIncident(incident: Incident): void {
    this.docs.put('incidents', incident.id, incident);
  }
  deleteIncident(id: string): void {
    this.docs.delete('incidents', id);
  }
  putJob(job: FlushJob): void {
    this.docs.put('jobs', job.id, job);
  }
  deleteJob(id: string): void {
    this.docs.delete('jobs', id);
  }
  putOverride(override: Override): void {
    this.docs.put('overrides', override.id, override);
  }
  deleteOverride(id: string): void {
    this.docs.delete('overrides', id);
  }
  putLink(link: IssuedLink): void {
    this.docs.put('links', link.nonce, link);
  }
  deleteLink(nonce: string): void {
    this.docs.delete('links', nonce);
  }
  putMeta(key: string, value: number): void {
    this.docs.put('meta', key, value);
  }
}
