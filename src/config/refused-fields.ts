/**
 * Fields edgealert accepts in the file but refuses to load, each with the
 * reason: `*_file` fields (a Worker has no file system), Alertmanager
 * options a Worker's fetch cannot honour, and features not implemented yet
 * (NOT_YET_SUPPORTED).
 */
import * as z from 'zod';

/** A field that must be absent; when present, loading fails with `message`. */
export function refusedField(message: string) {
  return z
    .unknown()
    .superRefine((v, ctx) => {
      if (v !== undefined) ctx.addIssue({ code: 'custom', message });
    })
    .optional();
}

/** A `*_file` field: Workers have no file system, so the inline field (ideally a `${SECRET}`) must be used. */
export function fileField(inlineField: string) {
  return refusedField(
    `not supported: edgealert runs on Cloudflare Workers and cannot read files; ` +
      `use ${inlineField}: \${SECRET_NAME} with a Worker secret instead`,
  );
}

/** An Alertmanager or edgealert feature this build does not implement yet. */
export const NOT_YET_SUPPORTED = 'not yet supported by edgealert';
