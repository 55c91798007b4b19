/**
 * Go's fmt/print.go over template values: Sprintf (`printf`), Sprint
 * (`print` and the printing of action values) and Sprintln, with Go's verbs,
 * flags, `%[n]` argument indexes, `*` widths, and its in-band errors
 * (`%!d(string=x)`, `%!d(MISSING)`, `%!(EXTRA int=1)`, `%!(NOVERB)`).
 *
 * Objects with an exported zero-argument `String` method are Go Stringers
 * (used for %v %s %q %x %X), and Errors print their message, as in Go.
 */
import { Fmt } from './fmt-state.js';
import { PrintfRun } from './printf.js';
import { findMethod, kindOf, numberOf, sortedMapKeys, typeName, mapLookup, type GoFloat, type GoMap } from './values.js';

/** fmt.Sprintf(format, args...). */
export function sprintf(format: string, args: readonly unknown[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.fmt.buf;
}

/** fmt.Sprint(args...): spaces between operands when neither is a string. */
export function sprint(args: readonly unknown[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0 && typeof arg !== 'string' && typeof args[i - 1] !== 'string') p.fmt.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.fmt.buf;
}

/** fmt.Sprintln(args...): spaces between all operands, and a newline. */
export function sprintln(args: readonly unknown[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.fmt.buf += ' ';
    p.printArg(arg, 'v');
  });
  return `${p.fmt.buf}\n`;
}

/** A single value as `%v` prints it. */
export function formatValue(v: unknown): string {
  const p = new Printer();
  p.printArg(v, 'v');
  return p.fmt.buf;
}

/** One formatting run: the output buffer and the operand being printed. */
export class Printer {
  readonly fmt = new Fmt();
  /** The operand being printed, for `%!verb(type=value)`. */
  private current: unknown = undefined;
  private erroring = false;

  printArg(arg: unknown, verb: string): void {
    this.current = arg;
    if (arg === null || arg === undefined) {
      if (verb === 'T' || verb === 'v') this.fmt.pad('<nil>');
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') return this.fmt.fmtS(typeName(arg));
    if (verb === 'p') return this.badVerb(verb);
    switch (kindOf(arg)) {
      case 'bool':
        return this.fmtBool(arg as boolean, verb);
      case 'int':
        return this.fmtInteger(arg as number | bigint, verb);
      case 'float':
        return this.fmtFloat(numberOf(arg as number | GoFloat), verb);
      case 'string':
        return this.fmtString(arg as string, verb);
    }
    if (!this.handleMethods(arg, verb)) this.printValue(arg, verb, 0);
  }

  /** Stringers and errors, for the verbs that accept a string. */
  private handleMethods(arg: unknown, verb: string): boolean {
    if (this.erroring || typeof arg !== 'object' || arg === null) return false;
    if (verb === 'w') {
      this.badVerb(verb);
      return true;
    }
    if (this.fmt.sharpV || !'vsxXq'.includes(verb)) return false;
    if (arg instanceof Error) {
      this.fmtString(arg.message, verb);
      return true;
    }
    const method = findMethod(arg, 'String');
    if (!method || method.length !== 0) return false;
    try {
      this.fmtString(String(method.call(arg)), verb);
    } catch (e) {
      this.fmt.buf += `%!${verb}(PANIC=String method: ${e instanceof Error ? e.message : String(e)})`;
    }
    return true;
  }

  private printValue(value: unknown, verb: string, depth: number): void {
    if (depth > 0 && value !== null && value !== undefined) {
      this.current = value;
      if (this.handleMethods(value, verb)) return;
    }
    this.current = value;
    const f = this.fmt;
    switch (kindOf(value)) {
      case 'nil':
        // A nil element of a slice or map of interface{}.
        f.buf += f.sharpV ? 'interface {}(nil)' : '<nil>';
        return;
      case 'bool':
      case 'int':
      case 'float':
      case 'string':
        return this.printArg(value, verb);
      case 'slice': {
        const items = value as unknown[];
        f.buf += f.sharpV ? `${typeName(value)}{` : '[';
        items.forEach((item, i) => {
          if (i > 0) f.buf += f.sharpV ? ', ' : ' ';
          this.printValue(item, verb, depth + 1);
        });
        f.buf += f.sharpV ? '}' : ']';
        return;
      }
      case 'map': {
        f.buf += f.sharpV ? `${typeName(value)}{` : 'map[';
        sortedMapKeys(value as GoMap).forEach((key, i) => {
          if (i > 0) f.buf += f.sharpV ? ', ' : ' ';
          this.printValue(key, verb, depth + 1);
          f.buf += ':';
          this.printValue(mapLookup(value as GoMap, key).value, verb, depth + 1);
        });
        f.buf += f.sharpV ? '}' : ']';
        return;
      }
      case 'struct': {
        f.buf += f.sharpV ? `${typeName(value)}{` : '{';
        Object.keys(value as object).forEach((name, i) => {
          if (i > 0) f.buf += f.sharpV ? ', ' : ' ';
          if (f.plusV || f.sharpV) f.buf += `${name}:`;
          this.printValue((value as Record<string, unknown>)[name], verb, depth + 1);
        });
        f.buf += '}';
        return;
      }
      case 'func':
        // Go prints the function's address; there is none to print here.
        if (verb === 'v' || verb === 'p') f.buf += f.sharpV ? `(${typeName(value)})(nil)` : '0x0';
        else this.badVerb(verb);
        return;
    }
  }

  badVerb(verb: string): void {
    this.erroring = true;
    const cur = this.current;
    this.fmt.buf += `%!${verb}(`;
    if (cur === null || cur === undefined) this.fmt.buf += '<nil>';
    else {
      this.fmt.buf += `${typeName(cur)}=`;
      this.printArg(cur, 'v');
    }
    this.fmt.buf += ')';
    this.erroring = false;
  }

  private fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.fmt.fmtBoolean(v);
    else this.badVerb(verb);
  }

  private fmtInteger(v: number | bigint, verb: string): void {
    const f = this.fmt;
    switch (verb) {
      case 'v':
      case 'd':
        return f.fmtInteger(v, 10, false, verb);
      case 'b':
        return f.fmtInteger(v, 2, false, verb);
      case 'o':
      case 'O':
        return f.fmtInteger(v, 8, false, verb);
      case 'x':
      case 'X':
        return f.fmtInteger(v, 16, verb === 'X', verb);
      case 'c':
        return f.fmtC(Number(v));
      case 'q':
        return f.fmtQc(Number(v));
      case 'U':
        return f.fmtUnicode(v);
      default:
        return this.badVerb(verb);
    }
  }

  private fmtFloat(v: number, verb: string): void {
    if (verb === 'v') this.fmt.fmtFloat(v, 'g', -1);
    else if ('bgGxX'.includes(verb)) this.fmt.fmtFloat(v, verb, -1);
    else if ('feEF'.includes(verb)) this.fmt.fmtFloat(v, verb === 'F' ? 'f' : verb, 6);
    else this.badVerb(verb);
  }

  private fmtString(v: string, verb: string): void {
    const f = this.fmt;
    if (verb === 'v') return f.sharpV ? f.fmtQ(v) : f.fmtS(v);
    if (verb === 's') return f.fmtS(v);
    if (verb === 'x' || verb === 'X') return f.fmtSx(v, verb === 'X');
    if (verb === 'q') return f.fmtQ(v);
    this.badVerb(verb);
  }

  doPrintf(format: string, args: readonly unknown[]): void {
    new PrintfRun(this, format, args).run();
  }
}
