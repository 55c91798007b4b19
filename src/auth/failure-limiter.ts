/**
 * Counting failed authentication attempts per client, to slow down guessing:
 * after `maxFailures` within `windowMs`, a client is refused until its oldest
 * counted failure leaves the window. State is in memory (one isolate's view:
 * a guesser spread over many isolates gets further, but each is still capped).
 * The clock is passed in.
 */

export interface FailureLimiterOptions {
  /** Failures allowed within the window; the next attempt is refused. Default 10. */
  readonly maxFailures?: number;
  /** The sliding window, ms. Default 60 s. */
  readonly windowMs?: number;
  /** Clients tracked at most; the oldest are forgotten first. Default 10,000. */
  readonly maxClients?: number;
}

/** Failed attempts per client key (an IP address) in a sliding window. */
export class FailureLimiter {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly #maxClients: number;
  readonly #failures = new Map<string, number[]>();

  constructor(options: FailureLimiterOptions = {}) {
    this.maxFailures = options.maxFailures ?? 10;
    this.windowMs = options.windowMs ?? 60_000;
    this.#maxClients = options.maxClients ?? 10_000;
  }

  /** Seconds until `client` may try again, or 0 when it may now. */
  retryAfter(client: string, now: number): number {
    const times = this.#recent(client, now);
    if (times.length < this.maxFailures) return 0;
    const oldest = times[times.length - this.maxFailures] ?? now;
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  /** Records one failed attempt by `client`. */
  fail(client: string, now: number): void {
    const times = this.#recent(client, now);
    times.push(now);
    this.#failures.delete(client);
    this.#failures.set(client, times.slice(-this.maxFailures));
    if (this.#failures.size > this.#maxClients) {
      const oldest = this.#failures.keys().next().value;
      if (oldest !== undefined) this.#failures.delete(oldest);
    }
  }

  /** Forgets every client (tests). */
  clear(): void {
    this.#failures.clear();
  }

  #recent(client: string, now: number): number[] {
    return (this.#failures.get(client) ?? []).filter((t) => t > now - this.windowMs);
  }
}
