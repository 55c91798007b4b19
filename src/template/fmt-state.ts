/**
 * Go's fmt/format.go: the flags, width and precision of one verb, and the
 * formatting of basic values under them (padding, signs, zero fill,
 * precision as minimum digits or maximum runes).
 */
import { formatFloat } from './format-float.js';
import { canBackquote, goQuote, quoteASCII, quoteRune } from './quote.js';
import { isPrint, runeCount, truncateRunes, utf8Bytes } from './unicode.js';

const MAX_RUNE = 0x10ffff;

export class Fmt {
  buf = '';
  plus = false;
  minus = false;
  sharp = false;
  space = false;
  zero = false;
  /** `%+v` and `%#v`: set from plus and sharp, which are then cleared. */
  plusV = false;
  sharpV = false;
  wid = 0;
  prec = 0;
  widPresent = false;
  precPresent = false;

  clearFlags(): void {
    this.plus = this.minus = this.sharp = this.space = this.zero = false;
    this.plusV = this.sharpV = false;
    this.wid = this.prec = 0;
    this.widPresent = this.precPresent = false;
  }

  writePadding(n: number): void {
    if (n > 0) this.buf += (this.zero ? '0' : ' ').repeat(n);
  }

  /** Appends `s`, padded to the width (in runes) on the left, or on the right with `-`. */
  pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (this.minus) {
      this.buf += s;
      this.writePadding(width);
    } else {
      this.writePadding(width);
      this.buf += s;
    }
  }

  /** pad with the zero flag off (numbers that handled zero fill themselves). */
  padSpaces(s: string): void {
    const zero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = zero;
  }

  fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  /** An integer in `base`; `upper` for %X. Precision is a minimum digit count; `0` fills to the width. */
  fmtInteger(v: number | bigint, base: number, upper: boolean, verb: string): void {
    const negative = v < 0;
    const abs = typeof v === 'bigint' ? (negative ? -v : v) : Math.abs(v);
    let digits = typeof abs === 'number' && Number.isSafeInteger(abs) ? abs.toString(base) : BigInt(abs).toString(base);
    if (upper) digits = digits.toUpperCase();
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && digits === '0') {
        // Precision 0 and value 0 print nothing but padding.
        this.padSpaces('');
        return;
      }
    } else if (this.zero && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--; // room for the sign
    }
    let s = digits.padStart(prec, '0');
    if (this.sharp) {
      if (base === 2) s = `0b${s}`;
      else if (base === 8 && s[0] !== '0') s = `0${s}`;
      else if (base === 16) s = `0${upper ? 'X' : 'x'}${s}`;
    }
    if (verb === 'O') s = `0o${s}`;
    if (negative) s = `-${s}`;
    else if (this.plus) s = `+${s}`;
    else if (this.space) s = ` ${s}`;
    this.padSpaces(s);
  }

  /** %c: the character; out-of-range values print U+FFFD. */
  fmtC(cp: number): void {
    this.pad(String.fromCodePoint(validRune(cp)));
  }

  /** %q of an integer: a quoted rune literal ('a'); `+` escapes non-ASCII. */
  fmtQc(cp: number): void {
    this.pad(quoteRune(validRune(cp), this.plus));
  }

  /** %U: U+0041; `#` adds the character ('A'). */
  fmtUnicode(v: number | bigint): void {
    const u = BigInt.asUintN(64, BigInt(v));
    const prec = this.precPresent && this.prec > 4 ? this.prec : 4;
    let s = `U+${u.toString(16).toUpperCase().padStart(prec, '0')}`;
    if (this.sharp && u <= BigInt(MAX_RUNE) && isPrint(Number(u))) s += ` '${String.fromCodePoint(Number(u))}'`;
    this.padSpaces(s);
  }

  /** Floats: `verb` is a strconv format, `prec` the default precision (-1 for shortest). */
  fmtFloat(v: number, verb: string, prec: number): void {
    let num = formatFloat(v, verb, this.precPresent ? this.prec : prec);
    num = num[0] === '-' || num[0] === '+' ? num : `+${num}`;
    if (this.space && num[0] === '+' && !this.plus) num = ` ${num.slice(1)}`;
    if (num[1] === 'I' || num[1] === 'N') {
      // Infinities and NaN are not zero padded; NaN loses its sign unless asked for.
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.padSpaces(num);
      return;
    }
    if (this.sharp && verb !== 'b') num = keepPoint(num, verb, this.precPresent ? this.prec : prec);
    if (this.plus || num[0] !== '+') {
      if (this.zero && this.widPresent && this.wid > num.length) {
        // Zero padding goes between the sign and the digits.
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  /** %s: at most `prec` runes. */
  fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  /** %x / %X of a string: its UTF-8 bytes in hex; ` ` separates bytes, `#` adds 0x. */
  fmtSx(s: string, upper: boolean): void {
    const bytes = utf8Bytes(s);
    const length = this.precPresent && this.prec < bytes.length ? this.prec : bytes.length;
    if (length === 0) {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    const prefix = upper ? '0X' : '0x';
    let out = this.sharp ? prefix : '';
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) out += this.sharp ? ` ${prefix}` : ' ';
      const hex = (bytes[i] ?? 0).toString(16).padStart(2, '0');
      out += upper ? hex.toUpperCase() : hex;
    }
    const width = out.length;
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  /** %q of a string: Go-quoted; `+` escapes non-ASCII, `#` prefers a raw `backquoted` string. */
  fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.sharp && canBackquote(s)) this.pad(`\`${s}\``);
    else this.pad(this.plus ? quoteASCII(s) : goQuote(s));
  }

  private truncate(s: string): string {
    return this.precPresent ? truncateRunes(s, this.prec) : s;
  }
}

function validRune(cp: number): number {
  return cp < 0 || cp > MAX_RUNE || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp;
}

/** The `#` flag on floats: always a decimal point, and %g keeps its trailing zeros. */
function keepPoint(num: string, verb: string, prec: number): string {
  let digits = verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x' ? (prec === -1 ? 6 : prec) : 0;
  let tail = '';
  let body = num;
  let hasPoint = false;
  let sawNonzero = false;
  for (let i = 1; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c === '.') hasPoint = true;
    else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
      tail = body.slice(i);
      body = body.slice(0, i);
      break;
    } else {
      if (c !== '0') sawNonzero = true;
      if (sawNonzero) digits--;
    }
  }
  if (!hasPoint) {
    if (body.length === 2 && body[1] === '0') digits--; // a lone leading 0 counts once
    body += '.';
  }
  if (digits > 0) body += '0'.repeat(digits);
  return body + tail;
}
