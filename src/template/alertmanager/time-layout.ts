/**
 * Go's time.Format: a layout is text in which the parts of Go's reference
 * time (Mon Jan 2 15:04:05 MST 2006) stand for the same parts of the time
 * being printed. The layout is split exactly as Go's nextStdChunk splits it
 * (Go 1.22: with `__2`, `002` and `,000`), so the same layout prints the
 * same text, including its oddities (`Janx` is a month, `Jana` is text).
 */

/** The wall-clock parts of an instant in its zone. */
export interface TimeFields {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly day: number;
  /** 1..366 */
  readonly yearDay: number;
  /** 0 = Sunday */
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly nanosecond: number;
  /** Seconds east of UTC. */
  readonly offset: number;
  readonly abbreviation: string;
}

export const LONG_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
] as const;
export const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

type Std = (f: TimeFields) => string;

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
};

const hour12 = (h: number): number => (h % 12 === 0 ? 12 : h % 12);

/** One element of a layout: literal text or a field. */
interface Chunk {
  readonly prefix: string;
  readonly std?: Std;
  readonly suffix: string;
}

const isLower = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Go's zone formats: `Z` forms print Z for UTC; then sign, hours, [:]minutes, [:]seconds as asked. */
function zone(iso: boolean, colon: boolean, minutes: boolean, seconds: boolean): Std {
  return ({ offset }) => {
    if (iso && offset === 0) return 'Z';
    const abs = Math.abs(offset);
    let out = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(abs / 3600), 2)}`;
    if (minutes) out += `${colon ? ':' : ''}${pad(Math.trunc(abs / 60) % 60, 2)}`;
    if (seconds) out += `${colon ? ':' : ''}${pad(abs % 60, 2)}`;
    return out;
  };
}

/** Fractional seconds: `.000` always prints n digits, `.999` trims trailing zeros (and the dot when nothing is left). */
function fraction(separator: string, digits: number, trim: boolean): Std {
  return ({ nanosecond }) => {
    if (trim && nanosecond === 0) return '';
    let text = pad(nanosecond, 9).slice(0, Math.min(digits, 9));
    if (trim) text = text.replace(/0+$/, '');
    return text === '' ? '' : `${separator}${text}`;
  };
}

const STD: Readonly<Record<string, Std>> = {
  January: (f) => LONG_MONTHS[f.month - 1] ?? '',
  Jan: (f) => (LONG_MONTHS[f.month - 1] ?? '').slice(0, 3),
  Monday: (f) => LONG_DAYS[f.weekday] ?? '',
  Mon: (f) => (LONG_DAYS[f.weekday] ?? '').slice(0, 3),
  MST: (f) => f.abbreviation || zone(false, false, true, false)(f),
  '01': (f) => pad(f.month, 2),
  '02': (f) => pad(f.day, 2),
  '03': (f) => pad(hour12(f.hour), 2),
  '04': (f) => pad(f.minute, 2),
  '05': (f) => pad(f.second, 2),
  '06': (f) => pad(((f.year % 100) + 100) % 100, 2),
  '002': (f) => pad(f.yearDay, 3),
  '15': (f) => pad(f.hour, 2),
  '1': (f) => String(f.month),
  '2006': (f) => pad(f.year, 4),
  '2': (f) => String(f.day),
  _2: (f) => String(f.day).padStart(2, ' '),
  __2: (f) => String(f.yearDay).padStart(3, ' '),
  '3': (f) => String(hour12(f.hour)),
  '4': (f) => String(f.minute),
  '5': (f) => String(f.second),
  PM: (f) => (f.hour >= 12 ? 'PM' : 'AM'),
  pm: (f) => (f.hour >= 12 ? 'pm' : 'am'),
  '-070000': zone(false, false, true, true),
  '-07:00:00': zone(false, true, true, true),
  '-0700': zone(false, false, true, false),
  '-07:00': zone(false, true, true, false),
  '-07': zone(false, false, false, false),
  Z070000: zone(true, false, true, true),
  'Z07:00:00': zone(true, true, true, true),
  Z0700: zone(true, false, true, false),
  'Z07:00': zone(true, true, true, false),
  Z07: zone(true, false, false, false),
};

const chunk = (layout: string, i: number, token: string): Chunk => ({
  prefix: layout.slice(0, i),
  std: STD[token],
  suffix: layout.slice(i + token.length),
});

/** Go's nextStdChunk: the text before the first field, the field, and the rest. */
function nextChunk(layout: string): Chunk {
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    const at = (s: string): boolean => layout.startsWith(s, i);
    switch (c) {
      case 'J':
        if (at('January')) return chunk(layout, i, 'January');
        if (at('Jan') && !isLower(layout[i + 3])) return chunk(layout, i, 'Jan');
        break;
      case 'M':
        if (at('Monday')) return chunk(layout, i, 'Monday');
        if (at('Mon') && !isLower(layout[i + 3])) return chunk(layout, i, 'Mon');
        if (at('MST')) return chunk(layout, i, 'MST');
        break;
      case '0': {
        const next = layout[i + 1];
        if (next !== undefined && next >= '1' && next <= '6') return chunk(layout, i, `0${next}`);
        if (at('002')) return chunk(layout, i, '002');
        break;
      }
      case '1':
        return chunk(layout, i, at('15') ? '15' : '1');
      case '2':
        return chunk(layout, i, at('2006') ? '2006' : '2');
      case '_':
        if (at('_2')) {
          // `_2006` is a literal `_` and the year.
          if (at('_2006')) return { prefix: layout.slice(0, i + 1), std: STD['2006'], suffix: layout.slice(i + 5) };
          return chunk(layout, i, '_2');
        }
        if (at('__2')) return chunk(layout, i, '__2');
        break;
      case '3':
      case '4':
      case '5':
        return chunk(layout, i, c);
      case 'P':
        if (at('PM')) return chunk(layout, i, 'PM');
        break;
      case 'p':
        if (at('pm')) return chunk(layout, i, 'pm');
        break;
      case '-':
      case 'Z': {
        const token = ['070000', '07:00:00', '0700', '07:00', '07'].map((t) => c + t).find(at);
        if (token) return chunk(layout, i, token);
        break;
      }
      case '.':
      case ',': {
        const digit = layout[i + 1];
        if (digit !== '0' && digit !== '9') break;
        let j = i + 1;
        while (layout[j] === digit) j++;
        // Only a run of digits that ends here is a fraction (`.000` yes, `.0001` no).
        if (!isDigit(layout[j])) return { prefix: layout.slice(0, i), std: fraction(c, j - i - 1, digit === '9'), suffix: layout.slice(j) };
        break;
      }
    }
  }
  return { prefix: layout, suffix: '' };
}

const MAX_CACHED_LAYOUTS = 100;
const compiled = new Map<string, readonly (string | Std)[]>();

/** A layout split into literal text and fields (cached: templates print with few layouts). */
function compile(layout: string): readonly (string | Std)[] {
  const hit = compiled.get(layout);
  if (hit) return hit;
  const parts: (string | Std)[] = [];
  for (let rest = layout; rest !== ''; ) {
    const { prefix, std, suffix } = nextChunk(rest);
    if (prefix !== '') parts.push(prefix);
    if (!std) break;
    parts.push(std);
    rest = suffix;
  }
  if (compiled.size >= MAX_CACHED_LAYOUTS) compiled.delete(compiled.keys().next().value as string);
  compiled.set(layout, parts);
  return parts;
}

/** `fields` printed with Go's `layout`. */
export function formatLayout(fields: TimeFields, layout: string): string {
  let out = '';
  for (const part of compile(layout)) out += typeof part === 'string' ? part : part(fields);
  return out;
}
