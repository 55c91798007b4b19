import { describe, expect, it } from 'vitest';
import { goTitle, goToLower, goToUpper, goTrimSpace } from './string-case.js';

// Rows marked AM are in the golden suite: Alertmanager 0.25 printed the same
// (custom.functions in testdata/golden-templates.ts).
describe('toUpper / toLower (strings.ToUpper / ToLower: one rune to one rune)', () => {
  it.each([
    ['hello world', 'HELLO WORLD', 'hello world', 'ASCII (AM)'],
    ['straße ß', 'STRAßE ß', 'straße ß', 'ß has no one-rune upper case (AM; JavaScript: SS)'],
    ['ΣΑΣ σσσ', 'ΣΑΣ ΣΣΣ', 'σασ σσσ', 'no final sigma (AM; JavaScript: σας)'],
    ['İstanbul ﬁne', 'İSTANBUL ﬁNE', 'istanbul ﬁne', 'İ lowers to i; the ligature has no upper rune (AM)'],
    ['ǆemal ǅ', 'ǄEMAL Ǆ', 'ǆemal ǆ', 'digraphs (AM)'],
    ['ÉCOLE été', 'ÉCOLE ÉTÉ', 'école été', 'accents (AM)'],
    ['ᾳ', 'ᾼ', 'ᾳ', 'ypogegrammeni: the simple upper case is the title case letter'],
    ['日本語', '日本語', '日本語', 'uncased scripts unchanged (AM)'],
  ])('%s -> %s / %s (%s)', (s, upper, lower) => {
    expect([goToUpper(s), goToLower(s)]).toEqual([upper, lower]);
  });
});

describe('title (x/text cases.Title, American English)', () => {
  it.each([
    ['hello world', 'Hello World', 'AM'],
    ['HELLO-WORLD', 'Hello-World', 'a hyphen breaks words; the rest is lowered (AM)'],
    ["o'neil mcdonald", "O'neil Mcdonald", 'an apostrophe does not (AM)'],
    ['foo_bar baz.qux', 'Foo_bar Baz.qux', 'nor do _ and . between letters (AM)'],
    ['1st place 2ND', '1St Place 2Nd', 'digits are not cased, so the first letter after them is (AM)'],
    ['ǆemal ǅ', 'ǅemal ǅ', 'digraphs title-case to their title form (AM)'],
    ['straße ß', 'Straße Ss', 'ß at the start of a word becomes Ss (AM)'],
    ['ΣΑΣ σσσ ὈΔΥΣΣΕΎΣ', 'Σας Σσσ Ὀδυσσεύς', 'final sigma at the end of a word (AM)'],
    ['a..b a.b x:y', 'A..B A.b X:y', 'two mid-word marks in a row break the word (AM)'],
    ['İstanbul ﬁne', 'İstanbul Fine', 'the ﬁ ligature title-cases to Fi (AM)'],
    ['tab\tsep  nbsp\u00a0x', 'Tab\tSep  Nbsp\u00a0X', 'any space breaks (AM)'],
    ['日本語 テスト', '日本語 テスト', 'uncased scripts unchanged (AM)'],
    ['', '', 'empty'],
  ])('%j -> %j (%s)', (s, want) => {
    expect(goTitle(s)).toBe(want);
  });
});

describe('trimSpace (strings.TrimSpace)', () => {
  it.each([
    ['  a b \n', 'a b', 'ASCII spaces and newlines'],
    ['\u00a0\u2003x\u3000', 'x', 'Unicode spaces'],
    ['\u0085x\u0085', 'x', 'NEL is a space in Go (not in JavaScript trim)'],
    ['\ufeffx', '\ufeffx', 'a BOM is not a space in Go (JavaScript trim removes it)'],
    ['', '', 'empty'],
  ])('%j -> %j (%s)', (s, want) => {
    expect(goTrimSpace(s)).toBe(want);
  });
});
