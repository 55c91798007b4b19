/**
 * Go's strconv.FormatFloat(f, fmt, prec, 64) for the formats fmt uses:
 * 'e', 'E', 'f', 'g', 'G' (decimal), 'x', 'X' (hex) and 'b' (binary
 * exponent). Precision -1 means the shortest digits that round-trip (taken
 * from JavaScript, which finds the same digits); an explicit precision
 * rounds the exact binary value half to even, as Go does (`%.0f` of 2.5 is
 * "2", `%.2f` of 1.005 is "1.00").
 */

interface Digits {
  /** Decimal digits without leading or trailing zeros ('' for zero). */
  d: string;
  /** Position of the decimal point relative to the start of d. */
  dp: number;
}

/** Formats `v` like strconv; NaN is "NaN", infinities "+Inf" and "-Inf". */
export function formatFloat(v: number, fmt: string, prec: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  const neg = v < 0 || Object.is(v, -0);
  const sign = neg ? '-' : '';
  const abs = Math.abs(v);
  switch (fmt) {
    case 'b':
      return sign + formatBinary(abs);
    case 'x':
    case 'X':
      return sign + formatHex(abs, prec, fmt);
  }
  const shortest = prec < 0;
  const digits = shortest ? shortestDigits(abs) : exactDigits(abs);
  if (shortest) {
    prec = fmt === 'e' || fmt === 'E' ? digits.d.length - 1 : fmt === 'f' ? Math.max(digits.d.length - digits.dp, 0) : digits.d.length;
  } else if (fmt === 'e' || fmt === 'E') round(digits, prec + 1);
  else if (fmt === 'f') round(digits, digits.dp + prec);
  else {
    if (prec === 0) prec = 1;
    round(digits, prec);
  }
  switch (fmt) {
    case 'e':
    case 'E':
      return sign + formatE(digits, prec, fmt);
    case 'f':
      return sign + formatF(digits, prec);
  }
  // %g: %e for large or small exponents, %f otherwise, without trailing zeros.
  let eprec = prec;
  if (eprec > digits.d.length && digits.d.length >= digits.dp) eprec = digits.d.length;
  if (shortest) eprec = 6;
  const exp = digits.dp - 1;
  if (exp < -4 || exp >= eprec) {
    if (prec > digits.d.length) prec = digits.d.length;
    return sign + formatE(digits, prec - 1, fmt === 'G' ? 'E' : 'e');
  }
  if (prec > digits.dp) prec = digits.d.length;
  return sign + formatF(digits, Math.max(prec - digits.dp, 0));
}

function shortestDigits(abs: number): Digits {
  if (abs === 0) return { d: '', dp: 0 };
  const [mantissa = '', exponent = '0'] = abs.toExponential().split('e');
  return { d: mantissa.replace('.', ''), dp: Number(exponent) + 1 };
}

/** The binary representation: abs = mant * 2^exp, mant < 2^53. */
function decompose(abs: number): { mant: bigint; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, abs);
  const hi = view.getUint32(0);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased !== 0) mant |= 1n << 52n;
  return { mant, exp: (biased === 0 ? 1 : biased) - 1075 };
}

/** Every decimal digit of the double (its binary value is a finite decimal). */
function exactDigits(abs: number): Digits {
  if (abs === 0) return { d: '', dp: 0 };
  const { mant, exp } = decompose(abs);
  let d: string;
  let dp: number;
  if (exp >= 0) {
    d = (mant << BigInt(exp)).toString();
    dp = d.length;
  } else {
    // mant / 2^k = mant * 5^k / 10^k
    d = (mant * 5n ** BigInt(-exp)).toString();
    dp = d.length + exp;
  }
  return { d: d.replace(/0+$/, ''), dp };
}

/** Rounds to `nd` digits, half to even (the digits are exact, so a lone trailing 5 is a true tie). */
function round(digits: Digits, nd: number): void {
  const { d } = digits;
  if (nd < 0 || nd >= d.length) return;
  const next = d.charCodeAt(nd);
  const up = next > 0x35 || (next === 0x35 && (nd + 1 < d.length || (nd > 0 && (d.charCodeAt(nd - 1) - 0x30) % 2 === 1)));
  if (!up) {
    digits.d = d.slice(0, nd).replace(/0+$/, '');
    if (digits.d === '') digits.dp = 0;
    return;
  }
  let i = nd - 1;
  while (i >= 0 && d[i] === '9') i--;
  if (i < 0) {
    digits.d = '1';
    digits.dp++;
  } else digits.d = d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1);
}

function formatE({ d, dp }: Digits, prec: number, e: string): string {
  let out = d[0] ?? '0';
  if (prec > 0) out += `.${d.slice(1, prec + 1).padEnd(prec, '0')}`;
  const exp = d === '' ? 0 : dp - 1;
  const abs = Math.abs(exp);
  return `${out}${e}${exp < 0 ? '-' : '+'}${abs < 10 ? '0' : ''}${abs}`;
}

function formatF({ d, dp }: Digits, prec: number): string {
  let out = dp > 0 ? d.slice(0, dp).padEnd(dp, '0') : '0';
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) out += d[dp + i - 1] ?? '0';
  }
  return out;
}

/** 'b': decimal mantissa, binary exponent (4503599627370496p-52). */
function formatBinary(abs: number): string {
  const { mant, exp } = abs === 0 ? { mant: 0n, exp: -1074 } : decompose(abs);
  return `${mant}p${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

/** 'x': hexadecimal mantissa 1.xxx, binary exponent (0x1.8p+01). */
function formatHex(abs: number, prec: number, fmt: string): string {
  let { mant, exp } = abs === 0 ? { mant: 0n, exp: 0 } : decompose(abs);
  exp += 52;
  if (mant === 0n) exp = 0;
  const one = 1n << 60n;
  mant <<= 8n; // leading bit (if any) at bit 60
  while (mant !== 0n && (mant & one) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & (one - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > one >> 1n) mant++;
    mant <<= 60n - shift;
    if ((mant & (one << 1n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = (n: bigint): string => (fmt === 'X' ? n.toString(16).toUpperCase() : n.toString(16));
  let out = `0${fmt}${(mant >> 60n) & 1n}`;
  let frac = (mant << 4n) & ((1n << 64n) - 1n);
  const fracDigits = prec < 0 ? (frac === 0n ? 0 : -1) : prec;
  if (fracDigits !== 0) out += '.';
  for (let i = 0; fracDigits < 0 ? frac !== 0n : i < fracDigits; i++) {
    out += hex((frac >> 60n) & 15n);
    frac = (frac << 4n) & ((1n << 64n) - 1n);
  }
  const e = Math.abs(exp);
  return `${out}${fmt === 'X' ? 'P' : 'p'}${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
}
