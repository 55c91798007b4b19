/**
 * A per-isolate memo of values computed from strings, for the ingest path's
 * repeats (Prometheus re-sends every firing alert every minute): at most
 * `capacity` entries, all forgotten at once when full (cheaper than LRU
 * bookkeeping, and enough for sets that repeat), and keys longer than
 * `maxKeyLength` never kept. Values only, never promises, so no request waits
 * on another's.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly capacity: number,
    private readonly maxKeyLength = Number.POSITIVE_INFINITY,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (key.length > this.maxKeyLength) return;
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, value);
  }
}
