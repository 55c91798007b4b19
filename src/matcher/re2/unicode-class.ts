/**
 * RE2's `\pX`, `\p{Name}`, `\P{Name}` and `\p{^Name}` mapped onto JavaScript
 * property escapes (which need the `u` flag).
 *
 * Names follow Go's regexp/syntax as shipped with Alertmanager 0.25 (Go 1.19):
 * `Any`, the general categories Go's unicode package defines (no `Cn`, no
 * `LC`, no long names like `Letter`), and script names spelled in full
 * (`Greek`, `Old_Italic`), case-sensitively. Two deliberate differences:
 * - Go's `C` excludes unassigned code points (`Cn`) while JavaScript's `\p{C}`
 *   includes them, so `C` is spelled out as Cc, Cf, Co, Cs.
 * - Script names come from the engine's Unicode version (Node 20: Unicode 15),
 *   so scripts newer than Go 1.19's Unicode 13 (e.g. `Kawi`, `Toto`) are
 *   accepted where the 0.25 binary rejects them; newer Alertmanager builds
 *   accept them too. (Go 1.25 also loosened names: `\p{greek}`, `\p{Letter}`;
 *   we keep 0.25's strict spelling.)
 */

/** A Unicode class as a union of JavaScript property escapes: `\p{x}` for each of `props`, `\P{x}` for each of `negProps`. */
export interface UnicodeSet {
  readonly props: readonly string[];
  readonly negProps: readonly string[];
}

const GO_CATEGORIES = new Set([
  'Cc', 'Cf', 'Co', 'Cs',
  'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu',
  'M', 'Mc', 'Me', 'Mn',
  'N', 'Nd', 'Nl', 'No',
  'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps',
  'S', 'Sc', 'Sk', 'Sm', 'So',
  'Z', 'Zl', 'Zp', 'Zs',
]);

/** Go's `C`: the four "other" categories, without unassigned code points. */
const GO_OTHER = ['Cc', 'Cf', 'Co', 'Cs'];

/**
 * Script names that are four letters long in full. Every other four-letter
 * name JavaScript accepts is an ISO 15924 alias (`Grek`), which Go rejects.
 */
const FOUR_LETTER_SCRIPTS = new Set(['Ahom', 'Cham', 'Kawi', 'Lisu', 'Miao', 'Modi', 'Newa', 'Thai', 'Toto']);

function isScript(name: string): boolean {
  // `Unknown` (unassigned code points) is a Script value in JavaScript but not in Go.
  if (!/^[A-Za-z_]+$/.test(name) || name === 'Unknown') return false;
  if (name.length === 4 && !FOUR_LETTER_SCRIPTS.has(name)) return false;
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
    return true;
  } catch {
    return false;
  }
}

/**
 * The set an RE2 Unicode class name denotes, or undefined for a name RE2 does
 * not know. `negated` is the combined sign of `\P` and a leading `^`.
 */
export function unicodeSet(name: string, negated: boolean): UnicodeSet | undefined {
  let prop: string;
  if (name === 'Any') prop = 'Any';
  else if (name === 'C') {
    // complement(Cc|Cf|Co|Cs) is JavaScript's complement of C, plus Cn.
    return negated ? { props: ['Cn'], negProps: ['C'] } : { props: GO_OTHER, negProps: [] };
  } else if (GO_CATEGORIES.has(name)) prop = name;
  else if (isScript(name)) prop = `Script=${name}`;
  else return undefined;
  return negated ? { props: [], negProps: [prop] } : { props: [prop], negProps: [] };
}
