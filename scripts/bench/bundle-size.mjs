// The deployed Worker's size: `wrangler deploy --dry-run --outdir` (offline),
// then gzip (zlib's default level, the figure wrangler prints as "gzip:") of
// the modules it would upload (source maps and its README excluded).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ROOT, tempDir } from './build.mjs';

const run = promisify(execFile);

/** Raw and gzip bytes of the Worker `wrangler deploy` would upload (`minify` as --minify would). */
export async function measureBundle({ minify = false } = {}) {
  const outdir = tempDir('edgealert-bench-bundle-');
  await run(
    process.execPath,
    [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', outdir, ...(minify ? ['--minify'] : [])],
    { cwd: ROOT, env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_SEND_METRICS: 'false' }, maxBuffer: 16 * 1024 * 1024 },
  );
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(outdir)) {
    if (!/\.(m?js|wasm|txt|html|bin)$/.test(file)) continue;
    const bytes = readFileSync(join(outdir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}
