/** The per-request alert count limit (src/limits.ts), shared by the two ingest endpoints. */
import { MAX_ALERTS_PER_REQUEST } from '../limits.js';
import { HttpError } from './http-error.js';

/** Throws 413 when a request carries more alerts than MAX_ALERTS_PER_REQUEST (nothing is stored then). */
export function refuseTooManyAlerts(count: number): void {
  if (count > MAX_ALERTS_PER_REQUEST) {
    throw new HttpError(413, `too many alerts in one request: ${count}, the limit is ${MAX_ALERTS_PER_REQUEST}; send them in smaller batches`);
  }
}
