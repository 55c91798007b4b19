// The template files a config's `templates:` globs match, read from disk for
// bundling (bundle-config.mjs) or for `npm start` (start.mjs). Globs are
// relative to the config file's folder, as Alertmanager reads them relative
// to its working directory; each file is named by its path relative to that
// folder (absolute for an absolute glob), which is what loadConfig matches
// the globs against. A glob that matches nothing is not an error (as in
// Alertmanager). `**` does not descend into node_modules or dot-folders.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { globToRegExp, hasMeta, normalizeGlob } from '../src/config/template-glob.js';

/** The `templates:` list of a config text (strings only; loadConfig reports anything else). */
export function templateGlobs(configText) {
  let doc;
  try {
    doc = parse(configText);
  } catch {
    return []; // loadConfig reports the YAML error.
  }
  const list = doc && typeof doc === 'object' ? doc.templates : undefined;
  return Array.isArray(list) ? list.filter((g) => typeof g === 'string') : [];
}

/** [{name, text}] of every file the globs match, in glob order, each glob's files sorted. */
export function findTemplateFiles(configFile, globs) {
  const folder = dirname(configFile);
  const files = [];
  const seen = new Set();
  for (const raw of globs) {
    const glob = normalizeGlob(raw);
    const absolute = isAbsolute(glob);
    const re = globToRegExp(glob);
    const segments = glob.split('/');
    const fixed = [];
    for (const s of segments.slice(0, -1)) {
      if (hasMeta(s)) break;
      fixed.push(s);
    }
    const base = absolute ? `/${fixed.join('/')}` : join(folder, ...fixed);
    const deep = segments.includes('**');
    const maxDepth = deep ? Infinity : segments.length - fixed.length;
    const names = walk(base, maxDepth, deep)
      .map((file) => toName(file, folder, absolute))
      .filter((name) => re.test(name))
      .sort(compareBytes);
    for (const name of names) {
      if (seen.has(name)) continue;
      seen.add(name);
      files.push({ name, text: readFileSync(absolute ? name : join(folder, name), 'utf8') });
    }
  }
  return files;
}

function toName(file, folder, absolute) {
  const name = absolute ? file : relative(folder, file);
  return name.split(sep).join('/');
}

/** Files under `dir`, at most `depth` levels down. */
function walk(dir, depth, deep) {
  if (depth <= 0) return [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const isDir = entry.isDirectory() || (entry.isSymbolicLink() && safeIsDir(path));
    if (!isDir) files.push(path);
    else if (!(deep && (entry.name === 'node_modules' || entry.name.startsWith('.')))) files.push(...walk(path, depth - 1, deep));
  }
  return files;
}

function safeIsDir(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Go's byte-wise order, as filepath.Glob sorts. */
function compareBytes(a, b) {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
