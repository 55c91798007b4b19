/**
 * The globs of `templates:` in routes.yaml, matched against file paths
 * written relative to the config file's folder (`templates/slack.tmpl`),
 * or absolute when the glob is absolute. Go's filepath.Match syntax
 * (`*` and `?` within a path segment, `[a-z]` and `[^a-z]` classes, `\`
 * escapes) plus `**` as a whole segment for any number of folders.
 *
 * Plain JavaScript (typed by template-glob.d.ts) because both loadConfig
 * and the Node build scripts, which cannot import TypeScript, use it.
 */

/** The glob with `./` segments and repeated slashes removed. */
export function normalizeGlob(glob) {
  const absolute = glob.startsWith('/');
  const segments = glob.split('/').filter((s) => s !== '' && s !== '.');
  return (absolute ? '/' : '') + segments.join('/');
}

/** Whether a path segment of a glob has any special character. */
export function hasMeta(segment) {
  return /[*?[\\]/.test(segment);
}

const cache = new Map();

/** The glob as an anchored RegExp over `/`-separated paths. */
export function globToRegExp(glob) {
  const normalized = normalizeGlob(glob);
  let re = cache.get(normalized);
  if (re) return re;
  const parts = normalized.split('/').map((segment, i, all) => {
    if (segment === '**') return i === all.length - 1 ? '.*' : '(?:[^/]*/)*';
    return `${segmentSource(segment)}${i === all.length - 1 ? '' : '/'}`;
  });
  re = new RegExp(`^${parts.join('')}$`, 'u');
  cache.set(normalized, re);
  return re;
}

function segmentSource(segment) {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\' && i + 1 < segment.length) out += escape(segment[++i]);
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) {
        out += escape(c);
        continue;
      }
      const body = segment.slice(i + 1, end);
      const negated = body.startsWith('^') || body.startsWith('!');
      const members = (negated ? body.slice(1) : body).replace(/[\\\]^[]/g, (m) => `\\${m}`);
      out += `[${negated ? '^/' : ''}${members}]`;
      i = end;
    } else out += escape(c);
  }
  return out;
}

function escape(c) {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether `path` (relative to the config folder, or absolute) matches `glob`. */
export function matchesGlob(glob, path) {
  return globToRegExp(glob).test(path);
}
