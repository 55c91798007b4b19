/**
 * Test helper: renders inline template text the way Alertmanager renders a
 * config string (missingkey=zero, its functions, the reference data), and
 * returns the output or Go's error message.
 */
import { parseTemplates, type TemplateFuncs, type TemplateOptions, type TemplateSource } from '../index.js';
import { alertmanagerFuncs, referenceData } from './alertmanager-data.js';

export interface RenderOptions extends TemplateOptions {
  readonly data?: unknown;
  readonly funcs?: TemplateFuncs;
  readonly sources?: readonly TemplateSource[];
}

/** The rendered text, or the error message (which starts with "template: "). */
export function render(text: string, options: RenderOptions = {}): string {
  const set = parseTemplates(options.sources ?? [], options.funcs ?? alertmanagerFuncs, { missingKey: options.missingKey ?? 'zero' });
  if (!set.ok) return set.error.message;
  const result = set.value.executeString(text, 'data' in options ? options.data : referenceData());
  return result.ok ? result.value : result.error.message;
}
