/**
 * The argument of one ingest RPC from a Worker to a Dispatcher shard: the
 * shard's items (alerts and the routes they join there) as one JSON string,
 * with what every item shares (updatedAt, the trace id) said once.
 *
 * Why not the items themselves: workerd copies an RPC argument with V8's
 * structured serialization, which for 64 alerts (about 900 small objects and
 * strings) cost about 65 µs to write and 50 µs to read, on the one thread the
 * Worker and its Durable Objects share locally. JSON.stringify and JSON.parse
 * of the same items cost less than half of that, and a string crosses the RPC
 * as one copy. Each item is a tuple rather than an object, which spares
 * writing and scanning its field names (a further 15%).
 *
 * Both ends are this codebase, so the decoded items are trusted as the
 * Worker's own values (as the structured copy was); only the format version
 * is checked, so a Worker and a shard of different versions (during a
 * deploy) fail loudly rather than misread each other.
 */
import type { Alert } from '../alert/types.js';
import type { IngestItem } from '../group/shard.js';

const FORMAT = 1;

/** One ingest RPC's argument. */
export interface ShardBatch {
  readonly format: typeof FORMAT;
  /** The updatedAt of every item that has no `own` values. */
  readonly updatedAt: number;
  /** The trace id of every item that has no `own` values (none when absent). */
  readonly traceId?: string;
  /** JSON of WireItem[]. */
  readonly items: string;
}

/** An item's own updatedAt and trace id, when they differ from the batch's. */
interface OwnValues {
  readonly updatedAt: number;
  readonly traceId?: string;
}

/** An IngestItem on the wire. */
type WireItem = [
  fingerprint: string,
  labels: Alert['labels'],
  annotations: Alert['annotations'],
  startsAt: number,
  endsAt: number,
  generatorURL: string,
  timeout: boolean,
  routeIds: readonly string[],
  own?: OwnValues,
];

/** Encodes a shard's items for its ingest RPC. */
export function encodeShardBatch(items: readonly IngestItem[]): ShardBatch {
  const first = items[0]?.alert;
  const updatedAt = first?.updatedAt ?? 0;
  const traceId = first?.traceId;
  const wire = items.map(({ alert, routeIds }): WireItem => {
    // JSON has no Infinity: a time that is not finite is a bug upstream, refused here rather than stored as null.
    if (!Number.isFinite(alert.startsAt) || !Number.isFinite(alert.endsAt)) throw new Error(`alert ${alert.fingerprint} has a time that is not finite`);
    const item: WireItem = [alert.fingerprint, alert.labels, alert.annotations, alert.startsAt, alert.endsAt, alert.generatorURL, alert.timeout, routeIds];
    if (alert.updatedAt !== updatedAt || alert.traceId !== traceId) item.push(ownValues(alert));
    return item;
  });
  return { format: FORMAT, updatedAt, ...(traceId === undefined ? {} : { traceId }), items: JSON.stringify(wire) };
}

/** The items of a batch made by `encodeShardBatch`. */
export function decodeShardBatch(batch: ShardBatch): IngestItem[] {
  if (batch?.format !== FORMAT) throw new Error(`ingest batch format ${String(batch?.format)} is not ${FORMAT}: Worker and shard versions differ`);
  const wire = JSON.parse(batch.items) as WireItem[];
  return wire.map(([fingerprint, labels, annotations, startsAt, endsAt, generatorURL, timeout, routeIds, own]) => {
    const updatedAt = own ? own.updatedAt : batch.updatedAt;
    const traceId = own ? own.traceId : batch.traceId;
    const alert: Alert = { fingerprint, labels, annotations, startsAt, endsAt, generatorURL, updatedAt, timeout, ...(traceId === undefined ? {} : { traceId }) };
    return { alert, routeIds };
  });
}

function ownValues(alert: Alert): OwnValues {
  return alert.traceId === undefined ? { updatedAt: alert.updatedAt } : { updatedAt: alert.updatedAt, traceId: alert.traceId };
}
