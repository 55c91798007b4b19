/**
 * The `templates:` of a config as written: its glob strings. The template
 * set they make is config-templates.ts's (which the Worker uses too).
 */
import * as z from 'zod';
import { goString } from './scalar-schemas.js';
import { isRecord } from './yaml-tree.js';

export { configTemplates } from './config-templates.js';

const globList = z.array(goString);

/** The glob strings of `templates:` in a YAML tree (empty when absent or malformed; the schema reports that). */
export function templateGlobsOf(tree: unknown): string[] {
  const parsed = globList.safeParse(isRecord(tree) ? tree.templates : undefined);
  return parsed.success ? parsed.data : [];
}
