/**
 * The format-string walk of Go's fmt.Sprintf (doPrintf): flags `#0+- `,
 * `%[n]` argument indexes, widths and precisions (digits or `*`), the verb,
 * then `%!(EXTRA ...)` for unused operands unless indexes reordered them.
 */
import type { Printer } from './printer.js';
import { kindOf, typeName } from './values.js';

const tooLarge = (x: number): boolean => x > 1e6 || x < -1e6;

/** Go's parsenum: the decimal number at s[start:end], and where it stops. */
function parseNum(s: string, start: number, end: number): { num: number; ok: boolean; next: number } {
  let num = 0;
  let ok = false;
  let i = start;
  for (; i < end && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39; i++) {
    if (tooLarge(num)) return { num: 0, ok: false, next: end };
    num = num * 10 + s.charCodeAt(i) - 0x30;
    ok = true;
  }
  return { num, ok, next: i };
}

export class PrintfRun {
  private argNum = 0;
  private reordered = false;
  private goodArgNum = true;

  constructor(
    private readonly p: Printer,
    private readonly format: string,
    private readonly args: readonly unknown[],
  ) {}

  run(): void {
    const { format, args } = this;
    const f = this.p.fmt;
    const end = format.length;
    let i = 0;
    verbs: while (i < end) {
      this.goodArgNum = true;
      const percent = format.indexOf('%', i);
      const literalEnd = percent < 0 ? end : percent;
      if (literalEnd > i) f.buf += format.slice(i, literalEnd);
      if (percent < 0) break;
      i = percent + 1;
      f.clearFlags();
      flags: for (; i < end; i++) {
        const c = format[i] ?? '';
        switch (c) {
          case '#':
            f.sharp = true;
            break;
          case '0':
            f.zero = !f.minus; // zero padding only on the left
            break;
          case '+':
            f.plus = true;
            break;
          case '-':
            f.minus = true;
            f.zero = false;
            break;
          case ' ':
            f.space = true;
            break;
          default:
            // Fast path: a lower-case verb right after the flags.
            if (c >= 'a' && c <= 'z' && this.argNum < args.length) {
              this.printVerb(c);
              i++;
              continue verbs;
            }
            break flags;
        }
      }
      let afterIndex: boolean;
      ({ i, afterIndex } = this.argNumber(i));
      if (format[i] === '*') {
        i++;
        ({ num: f.wid, ok: f.widPresent } = this.intFromArg());
        if (!f.widPresent) f.buf += '%!(BADWIDTH)';
        if (f.wid < 0) {
          // A negative width means left-justify.
          f.wid = -f.wid;
          f.minus = true;
          f.zero = false;
        }
        afterIndex = false;
      } else {
        ({ num: f.wid, ok: f.widPresent, next: i } = parseNum(format, i, end));
        if (afterIndex && f.widPresent) this.goodArgNum = false; // "%[3]2d"
      }
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false; // "%[3].2d"
        ({ i, afterIndex } = this.argNumber(i));
        if (format[i] === '*') {
          i++;
          ({ num: f.prec, ok: f.precPresent } = this.intFromArg());
          if (f.prec < 0) {
            f.prec = 0;
            f.precPresent = false;
          }
          if (!f.precPresent) f.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          ({ num: f.prec, next: i } = parseNum(format, i, end));
          f.precPresent = true; // "%.d" is precision 0
        }
      }
      if (!afterIndex) ({ i } = this.argNumber(i));
      if (i >= end) {
        f.buf += '%!(NOVERB)';
        break;
      }
      const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
      i += verb.length;
      if (verb === '%') f.buf += '%'; // absorbs no operand, ignores width and precision
      else if (!this.goodArgNum) f.buf += `%!${verb}(BADINDEX)`;
      else if (this.argNum >= args.length) f.buf += `%!${verb}(MISSING)`;
      else this.printVerb(verb);
    }
    if (!this.reordered && this.argNum < args.length) this.extra();
  }

  private printVerb(verb: string): void {
    const f = this.p.fmt;
    if (verb === 'v') {
      // %#v is Go syntax, %+v names struct fields.
      f.sharpV = f.sharp;
      f.sharp = false;
      f.plusV = f.plus;
      f.plus = false;
    }
    this.p.printArg(this.args[this.argNum], verb);
    this.argNum++;
  }

  private extra(): void {
    const f = this.p.fmt;
    f.clearFlags();
    f.buf += '%!(EXTRA ';
    this.args.slice(this.argNum).forEach((arg, i) => {
      if (i > 0) f.buf += ', ';
      if (arg === null || arg === undefined) f.buf += '<nil>';
      else {
        f.buf += `${typeName(arg)}=`;
        this.p.printArg(arg, 'v');
      }
    });
    f.buf += ')';
  }

  /** `[n]` at i: makes operand n (1-based) the next one. */
  private argNumber(i: number): { i: number; afterIndex: boolean } {
    const format = this.format;
    if (format[i] !== '[') return { i, afterIndex: false };
    this.reordered = true;
    const close = format.length - i < 3 ? -1 : format.indexOf(']', i + 1);
    if (close < 0) {
      this.goodArgNum = false;
      return { i: i + 1, afterIndex: false };
    }
    const { num, ok, next } = parseNum(format, i + 1, close);
    if (!ok || next !== close) {
      this.goodArgNum = false;
      return { i: close + 1, afterIndex: false };
    }
    const index = num - 1;
    if (index >= 0 && index < this.args.length) this.argNum = index;
    else this.goodArgNum = false;
    return { i: close + 1, afterIndex: true };
  }

  /** A `*` width or precision: the next operand, if it is an int of sane size. */
  private intFromArg(): { num: number; ok: boolean } {
    if (this.argNum >= this.args.length) return { num: 0, ok: false };
    const arg = this.args[this.argNum++];
    if (kindOf(arg) !== 'int') return { num: 0, ok: false };
    const num = Number(arg);
    return tooLarge(num) ? { num: 0, ok: false } : { num, ok: true };
  }
}
