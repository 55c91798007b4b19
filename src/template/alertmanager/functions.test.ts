import { describe, expect, it } from 'vitest';
import { GoTime } from './go-time.js';
import { alertmanagerFunctions } from './functions.js';
import { render } from './testdata/render.js';

const T = new GoTime(Date.UTC(2023, 0, 2, 3, 4, 5, 670));
const now = Date.UTC(2023, 0, 2, 5, 0, 0);
const data = { T, S: ' padded ', Items: ['a', 'b'], Num: 3 };
const run = (text: string): string => render(text, data, { now });

describe('the function map', () => {
  it('has every function of Alertmanager 0.25 and the later ones edgealert supports', () => {
    expect(Object.keys(alertmanagerFunctions({ now: () => 0 })).sort()).toEqual([
      'date', 'humanizeDuration', 'join', 'match', 'reReplaceAll', 'safeHtml', 'safeUrl', 'since', 'stringSlice',
      'title', 'toJson', 'toLower', 'toUpper', 'trimSpace', 'tz', 'urlUnescape',
    ]);
  });
});

describe('functions in templates', () => {
  it.each([
    // Alertmanager 0.25
    ['{{ toUpper "abc" }} {{ toLower "ABC" }} {{ title "hello world" }}', 'ABC abc Hello World', 'case'],
    ['{{ join ", " .Items }} {{ .Items | join "-" }}', 'a, b a-b', 'join takes the separator first, for pipelines'],
    ['{{ match "b+" "abbc" }} {{ match "^b" "abc" }}', 'true false', 'match is unanchored'],
    ['{{ reReplaceAll "(a+)" "<$1>" "baaac" }}', 'b<aaa>c', 'reReplaceAll expands groups'],
    ['{{ safeHtml "<b>" }}', '<b>', 'safeHtml prints its text as is'],
    ['{{ stringSlice }} {{ stringSlice "x" "y" }} {{ printf "%T" (stringSlice "x") }}', '[] [x y] []string', 'stringSlice'],
    // Alertmanager 0.26
    ['[{{ trimSpace .S }}]', '[padded]', 'trimSpace'],
    // Alertmanager 0.28
    ['{{ date "2006-01-02 15:04 MST" .T }}', '2023-01-02 03:04 UTC', 'date formats with a Go layout'],
    ['{{ tz "Europe/Berlin" .T }}', '2023-01-02 04:04:05.67 +0100 CET', 'tz moves a time into a zone'],
    ['{{ .T | tz "America/New_York" | date "Jan 2 3:04PM MST" }}', 'Jan 1 10:04PM EST', 'tz and date in a pipeline'],
    ['{{ since .T }} {{ (since .T).Hours | printf "%.2f" }}', '1h55m54.33s 1.93', 'since measures against the clock given'],
    ['{{ humanizeDuration 3725 }} {{ humanizeDuration "0.25" }} {{ since .T | humanizeDuration }}', '1h 2m 5s 250ms 1h 55m 54s', 'humanizeDuration'],
    // Alertmanager 0.30
    ['{{ safeUrl "http://x/?a=1&b=2" }}', 'http://x/?a=1&b=2', 'safeUrl prints its text as is'],
    ['{{ urlUnescape "a%20b+c" }}', 'a b c', 'urlUnescape'],
    ['{{ toJson .Items }} {{ toJson .Num }} {{ toJson "<x>" }}', '["a","b"] 3 "\\u003cx\\u003e"', 'toJson'],
  ])('%s -> %j (%s)', (text, want) => {
    expect(run(text)).toBe(want);
  });
});

describe('errors, with Go\'s wording inside the call', () => {
  // Go points at the whole command: `<match "(" "x">`.
  const at = (command: string, message: string): string => `template error: template: :1:3: executing "" at <${command}>: ${message}`;

  it.each([
    ['{{ match "(" "x" }}', at('match "(" "x"', 'error calling match: error parsing regexp: missing closing ): `(`'), 'a bad pattern'],
    [
      '{{ reReplaceAll "(" "" "x" }}',
      at('reReplaceAll "(" "" "x"', 'error calling reReplaceAll: regexp: Compile(`(`): error parsing regexp: missing closing ): `(`'),
      "MustCompile's panic",
    ],
    ['{{ toUpper .Num }}', at('toUpper .Num', 'error calling toUpper: wrong type for value; expected string; got int'), 'a wrong argument type'],
    ['{{ join "," "a" }}', at('join "," "a"', 'error calling join: wrong type for value; expected []string; got string'), ''],
    ['{{ date "2006" "x" }}', at('date "2006" "x"', 'error calling date: wrong type for value; expected time.Time; got string'), ''],
    ['{{ tz "Mars/Base" .T }}', at('tz "Mars/Base" .T', 'error calling tz: unknown time zone Mars/Base'), 'an unknown zone'],
    ['{{ humanizeDuration "soon" }}', at('humanizeDuration "soon"', 'error calling humanizeDuration: strconv.ParseFloat: parsing "soon": invalid syntax'), ''],
    ['{{ urlUnescape "%zz" }}', at('urlUnescape "%zz"', 'error calling urlUnescape: invalid URL escape "%zz"'), ''],
    ['{{ toUpper }}', at('toUpper', 'wrong number of args for toUpper: want 1 got 0'), 'arity is checked like a Go signature'],
  ])('%s (%s)', (text, want) => {
    expect(run(text)).toBe(want);
  });
});
