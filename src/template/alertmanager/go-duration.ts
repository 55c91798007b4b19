/**
 * Go's time.Duration as templates see it (what `since` and `.Sub` return):
 * prints like Duration.String (`1h2m3.5s`, `250ms`, `0s`), with the
 * methods Seconds, Minutes, Hours and Milliseconds. edgealert's times are
 * milliseconds, so a duration is a whole number of milliseconds.
 */
import { goTypeInfo, GoFloat } from '../values.js';

export class GoDuration {
  readonly #ms: number;

  constructor(ms: number) {
    this.#ms = Math.trunc(ms);
  }

  /** The duration in milliseconds (for code; templates use the Go methods). */
  static millis(d: GoDuration): number {
    return d.#ms;
  }

  String(): string {
    return formatDuration(this.#ms);
  }

  Seconds(): GoFloat {
    return new GoFloat(this.#ms / 1000);
  }

  Minutes(): GoFloat {
    return new GoFloat(this.#ms / 60_000);
  }

  Hours(): GoFloat {
    return new GoFloat(this.#ms / 3_600_000);
  }

  Milliseconds(): number {
    return this.#ms;
  }
}
Object.defineProperty(GoDuration.prototype, goTypeInfo, { value: { name: 'time.Duration' } });

/** Go's Duration.String for a whole number of milliseconds. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${abs}ms`;
  const millis = abs % 1000;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0').replace(/0+$/, '')}`;
  const totalSeconds = Math.trunc(abs / 1000);
  const seconds = `${totalSeconds % 60}${fraction}s`;
  const totalMinutes = Math.trunc(totalSeconds / 60);
  if (totalMinutes === 0) return `${sign}${seconds}`;
  const hours = Math.trunc(totalMinutes / 60);
  return `${sign}${hours > 0 ? `${hours}h` : ''}${totalMinutes % 60}m${seconds}`;
}
