import { describe, expect, it } from 'vitest';
import { matchesGlob, normalizeGlob } from './template-glob.js';

describe('matchesGlob', () => {
  it.each([
    ['templates/*.tmpl', 'templates/slack.tmpl', true, '* within a folder'],
    ['templates/*.tmpl', 'templates/team/slack.tmpl', false, '* does not cross folders, as in Go'],
    ['./templates/*.tmpl', 'templates/slack.tmpl', true, 'a leading ./ is dropped'],
    ['templates//*.tmpl', 'templates/slack.tmpl', true, 'so are doubled slashes'],
    ['templates/**/*.tmpl', 'templates/slack.tmpl', true, '** is any number of folders, none included'],
    ['templates/**/*.tmpl', 'templates/a/b/slack.tmpl', true, ''],
    ['templates/**', 'templates/a/b.tmpl', true, 'a trailing ** matches everything below'],
    ['*.tmpl', '.hidden.tmpl', true, 'Go matches dot files with *'],
    ['t/?.tmpl', 't/a.tmpl', true, '? is one character'],
    ['t/?.tmpl', 't/ab.tmpl', false, ''],
    ['t/[ab].tmpl', 't/b.tmpl', true, 'character classes'],
    ['t/[^ab].tmpl', 't/b.tmpl', false, 'negated classes'],
    ['t/[a-c]x', 't/bx', true, 'ranges'],
    ['t/a\\*b', 't/a*b', true, 'an escaped * is literal'],
    ['t/a\\*b', 't/axb', false, ''],
    ['/etc/alertmanager/*.tmpl', '/etc/alertmanager/x.tmpl', true, 'absolute globs match absolute names'],
    ['../shared/*.tmpl', '../shared/x.tmpl', true, 'folders above the config'],
    ['t/a.tmpl', 't/a_tmpl', false, '. is literal'],
  ])('%s ~ %s: %s (%s)', (glob, path, want) => {
    expect(matchesGlob(glob, path)).toBe(want);
  });
});

describe('normalizeGlob', () => {
  it.each([
    ['./a/./b/*.tmpl', 'a/b/*.tmpl'],
    ['/etc//am/', '/etc/am'],
    ['*.tmpl', '*.tmpl'],
  ])('%s -> %s', (glob, want) => {
    expect(normalizeGlob(glob)).toBe(want);
  });
});
