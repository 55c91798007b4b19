/**
 * The `location:` field: a time zone name as Go's time.LoadLocation takes
 * it, checked against the zones Intl knows (the Worker's only tz database).
 * - `""` and `UTC` are UTC, as in Go.
 * - `Local` is UTC too: a Worker has no local zone. (Alertmanager uses its
 *   host's zone, which in the usual container image is UTC as well.)
 * - Names are case-sensitive, as Go's zoneinfo lookups on Linux are:
 *   `europe/berlin` is refused although Intl would accept it.
 * - Go also reads files Intl does not list (`posixrules`, `posix/...`,
 *   `right/...`, `Factory`); those are refused here.
 */
import { err, ok, type Result } from '../util/result.js';
import { zoneFormatter } from './wall-clock.js';

/** Names Go resolves without the tz database; they all mean UTC here. */
const UTC_NAMES: ReadonlySet<string> = new Set(['', 'UTC', 'Local']);

// Every segment of an IANA zone name starts with a capital letter
// (Europe/Berlin, America/Port-au-Prince, Etc/GMT+5, EST5EDT).
const ZONE_NAME = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)*$/;

/**
 * Validates a location name. Returns the zone to read wall clocks in, or
 * undefined for UTC (see `wallClock`).
 */
export function parseLocation(name: string): Result<string | undefined, string> {
  if (UTC_NAMES.has(name)) return ok(undefined);
  const known = intlZone(name) ?? [...UTC_NAMES].find((n) => n !== '' && n.toLowerCase() === name.toLowerCase());
  if (known === undefined) return err(`unknown time zone ${JSON.stringify(name)}`);
  const caseDiffers = known !== name && known.toLowerCase() === name.toLowerCase();
  if (ZONE_NAME.test(name) && !caseDiffers) return ok(name);
  const hint = caseDiffers ? `, did you mean ${JSON.stringify(known)}?` : '';
  return err(`unknown time zone ${JSON.stringify(name)} (zone names are case-sensitive${hint})`);
}

/** The zone id Intl resolves `name` to, or undefined when Intl does not know it. */
function intlZone(name: string): string | undefined {
  try {
    return zoneFormatter(name).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
