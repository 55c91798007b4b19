/**
 * The case functions of Alertmanager's templates, with Go's semantics where
 * JavaScript's differ:
 *
 * - toUpper/toLower are strings.ToUpper/ToLower: one rune to one rune
 *   (Unicode simple case mapping), so `ß` stays `ß` (JavaScript: `SS`) and
 *   a final `Σ` lowers to `σ` (JavaScript: `ς`).
 * - title is golang.org/x/text/cases.Title(language.AmericanEnglish)
 *   (x/text v0.5.0, as in Alertmanager 0.25): the first cased letter of a
 *   word is title-cased and the rest of the word lower-cased. Words are
 *   broken by any rune whose word-break class is not a letter, digit,
 *   mark, format or connector (`_` joins: `foo_bar` -> `Foo_bar`), and by
 *   two "mid" punctuation runes in a row (`'`, `.`, `:`: `o'neil` ->
 *   `O'neil`, `a..b` -> `A..B`).
 * - trimSpace is strings.TrimSpace: Unicode White_Space (with U+0085, and
 *   unlike JavaScript's trim, without U+FEFF).
 *
 * Word-break classes come from Unicode properties JavaScript exposes,
 * approximating WordBreakProperty.txt.
 */

const NOT_ASCII = /[^\x00-\x7f]/;

/** A rune's simple mapping, where JavaScript's full mapping gives several runes. */
const SIMPLE_UPPER: Readonly<Record<number, number>> = { 0x1fb3: 0x1fbc, 0x1fc3: 0x1fcc, 0x1ff3: 0x1ffc };

function simpleUpper(ch: string, cp: number): string {
  const full = ch.toUpperCase();
  if (full.length === ch.length || [...full].length === 1) return full;
  // Greek with ypogegrammeni: simple upper is the titlecase letter (U+1F80 -> U+1F88).
  if (cp >= 0x1f80 && cp <= 0x1faf && (cp & 0xf) < 8) return String.fromCodePoint(cp + 8);
  const simple = SIMPLE_UPPER[cp];
  return simple === undefined ? ch : String.fromCodePoint(simple);
}

function simpleLower(ch: string): string {
  if (ch === '\u0130') return 'i'; // İ: the only rune whose full lower case is two runes.
  return ch.toLowerCase();
}

/** Go's strings.ToUpper. */
export function goToUpper(s: string): string {
  if (!NOT_ASCII.test(s)) return s.toUpperCase();
  let out = '';
  for (const ch of s) out += simpleUpper(ch, ch.codePointAt(0) ?? 0);
  return out;
}

/** Go's strings.ToLower. */
export function goToLower(s: string): string {
  if (!NOT_ASCII.test(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) out += simpleLower(ch);
  return out;
}

const EDGE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;

/** Go's strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  return s.replace(EDGE_SPACE, '');
}

const CASED = /^\p{Cased}$/u;
const CASE_IGNORABLE = /^\p{Case_Ignorable}$/u;
/** Word-break MidLetter, MidNumLet and Single_Quote. */
const MID = new Set([...":··״‧︓﹕：.‘’․﹒＇．'"]);
/** Letters outside word-break ALetter: ideographs, kana and the Southeast Asian scripts. */
const NOT_ALETTER = /^[\p{Ideographic}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}]$/u;
const WORD_PART = /^[\p{M}\p{Cf}\p{Nd}\p{Pc}\p{Alphabetic}]$/u;
/** Letters whose title case is not their upper case (the Lt digraphs). */
const TITLE: Readonly<Record<string, string>> = {
  Ǆ: 'ǅ', ǅ: 'ǅ', ǆ: 'ǅ', Ǉ: 'ǈ', ǈ: 'ǈ', ǉ: 'ǈ', Ǌ: 'ǋ', ǋ: 'ǋ', ǌ: 'ǋ', Ǳ: 'ǲ', ǲ: 'ǲ', ǳ: 'ǲ',
};

const isMid = (ch: string): boolean => MID.has(ch);
const isBreak = (ch: string): boolean => !MID.has(ch) && (!WORD_PART.test(ch) || NOT_ALETTER.test(ch));

/** Full title case of one rune: `ß` -> `Ss`, `ﬁ` -> `Fi`. */
function titleRune(ch: string): string {
  const digraph = TITLE[ch];
  if (digraph !== undefined) return digraph;
  const upper = ch.toUpperCase();
  const [first = upper, ...rest] = upper;
  return rest.length === 0 ? upper : first + rest.join('').toLowerCase();
}

/** x/text's cases.Title for American English (see the module comment). */
export function goTitle(s: string): string {
  const runes = [...s];
  let out = '';
  let midWord = false;
  for (let i = 0; i < runes.length; i++) {
    const ch = runes[i] as string;
    const wasMid = isMid(ch);
    if (CASED.test(ch)) {
      out += midWord ? lowerInWord(runes, i) : titleRune(ch);
      midWord = true;
    } else {
      out += ch;
      if (isBreak(ch)) midWord = false;
    }
    const next = runes[i + 1];
    if (wasMid && next !== undefined && isMid(next)) midWord = false;
  }
  return out;
}

/** Lower case inside a word, with the final sigma rule x/text applies. */
function lowerInWord(runes: readonly string[], i: number): string {
  const ch = runes[i] as string;
  if (ch !== 'Σ') return ch.toLowerCase();
  let j = i + 1;
  while (j < runes.length && CASE_IGNORABLE.test(runes[j] as string)) j++;
  const next = runes[j];
  return next !== undefined && CASED.test(next) ? 'σ' : 'ς';
}
