import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findTemplateFiles, templateGlobs } from '../../scripts/template-files.mjs';

// scripts/template-files.mjs: what bundle-config.mjs and start.mjs bundle.
const root = mkdtempSync(join(tmpdir(), 'edgealert-template-files-'));
const put = (path: string, text = path): void => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
put('config/routes.yaml', '');
put('config/templates/b.tmpl');
put('config/templates/a.tmpl');
put('config/templates/team/c.tmpl');
put('config/templates/node_modules/x.tmpl');
put('config/templates/notes.txt');
put('shared/s.tmpl');
const config = join(root, 'config/routes.yaml');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findTemplateFiles', () => {
  it.each([
    [['templates/*.tmpl'], ['templates/a.tmpl', 'templates/b.tmpl'], 'one folder, sorted, named relative to the config'],
    [['./templates/**/*.tmpl'], ['templates/a.tmpl', 'templates/b.tmpl', 'templates/team/c.tmpl'], '** descends, but not into node_modules'],
    [['templates/b.tmpl', 'templates/*.tmpl'], ['templates/b.tmpl', 'templates/a.tmpl'], 'glob order first; a file matched twice comes once'],
    [['../shared/*.tmpl'], ['../shared/s.tmpl'], 'folders above the config'],
    [['missing/*.tmpl'], [], 'a glob that matches nothing is no error'],
  ])('%j -> %j (%s)', (globs, names) => {
    expect(findTemplateFiles(config, globs).map((f) => f.name)).toEqual(names);
  });

  it('reads the text and names absolute globs absolutely', () => {
    const glob = `${root}/shared/*.tmpl`;
    expect(findTemplateFiles(config, [glob])).toEqual([{ name: `${root}/shared/s.tmpl`, text: 'shared/s.tmpl' }]);
  });
});

describe('templateGlobs', () => {
  it.each([
    ['templates: [a/*.tmpl, "b/**/*.tmpl"]', ['a/*.tmpl', 'b/**/*.tmpl']],
    ['route: {}', []],
    ['templates: not-a-list', []],
    [': : bad yaml [', []],
  ])('%j -> %j', (yaml, want) => {
    expect(templateGlobs(yaml)).toEqual(want);
  });
});
