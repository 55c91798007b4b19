/**
 * Edge dedup of webhook deliveries in Workers KV. KV is eventually consistent
 * and allows one write per key per second, so it only ever saves work: a miss
 * (or a KV error) sends the delivery on to the Durable Objects, which are
 * idempotent, and a hit is only ever a delivery the Durable Objects already took.
 */
const PREFIX = 'webhook-delivery:';
/** Workers KV's shortest expiry. */
const MIN_TTL_SECONDS = 60;

export interface DeliveryDedup {
  /** Whether this delivery was already taken in (false when unknown). */
  seen(key: string): Promise<boolean>;
  /** Remembers a delivery taken in, for `windowMs`. */
  remember(key: string, windowMs: number): Promise<void>;
}

/** A KV operation as billed: a read (`get`) or a write (`put`). */
export type KvOperation = 'read' | 'write';

/** Dedup in `kv`; `onOperation` is told of each KV call made (for the cost counters). */
export function kvDeliveryDedup(kv: KVNamespace, onOperation: (op: KvOperation) => void = () => {}): DeliveryDedup {
  return {
    async seen(key) {
      onOperation('read');
      try {
        return (await kv.get(PREFIX + key)) !== null;
      } catch {
        return false;
      }
    },
    async remember(key, windowMs) {
      onOperation('write');
      try {
        await kv.put(PREFIX + key, '1', { expirationTtl: Math.max(MIN_TTL_SECONDS, Math.ceil(windowMs / 1000)) });
      } catch {
        // A lost entry only costs a Durable Object call on the next repeat.
      }
    },
  };
}
