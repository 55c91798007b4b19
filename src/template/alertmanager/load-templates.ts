/**
 * The template set notifications render with, built as Alertmanager builds
 * it: its default templates first, then the user's files in the order
 * given (config/templates.ts orders them as Alertmanager reads its globs),
 * each file a template named after its base name, so a later `define`
 * replaces an earlier one. Functions are Alertmanager's, missing keys render as the
 * zero value (missingkey=zero).
 */
import { err, ok, type Result } from '../../util/result.js';
import { parseTemplates, type TemplateError, type TemplateSet, type TemplateSource } from '../index.js';
import { DEFAULT_TEMPLATES, DEFAULT_TEMPLATES_NAME } from './default-templates.js';
import { alertmanagerFunctions, type FunctionOptions } from './functions.js';
import { htmlFunctions } from './html-escape.js';

/** A template file: its path (as the config names it, e.g. `templates/slack.tmpl`) and text. */
export interface TemplateFile {
  readonly name: string;
  readonly text: string;
}

/** A parse error in one file, with an editor-style position. */
export interface TemplateFileError {
  /** The file's path, as given. */
  readonly file: string;
  /** 1-based line; 0 when the error has no position. */
  readonly line: number;
  /** 1-based column in characters (Go counts bytes from 0). */
  readonly column: number;
  readonly reason: string;
  /** `FILE:LINE:COL: reason`. */
  readonly message: string;
}

export interface LoadTemplatesOptions {
  /** The clock `since` reads (default Date.now). */
  readonly now?: FunctionOptions['now'];
}

/**
 * Parses the defaults and `files` (in the order given) into one set, or
 * returns every file's first parse error. A file is parsed on its own first,
 * so one broken file does not hide another's error.
 */
export function loadTemplates(files: readonly TemplateFile[], options: LoadTemplatesOptions = {}): Result<TemplateSet, TemplateFileError[]> {
  let set: TemplateSet | undefined;
  const funcs = {
    ...alertmanagerFunctions({ now: options.now ?? Date.now }),
    ...htmlFunctions(() => set),
  };
  const defaults: TemplateSource = { name: DEFAULT_TEMPLATES_NAME, text: DEFAULT_TEMPLATES };
  const sources = files.map((f): TemplateSource => ({ name: baseName(f.name), text: f.text }));
  const errors: TemplateFileError[] = [];
  files.forEach((file, i) => {
    const alone = parseTemplates([sources[i] as TemplateSource], funcs, { missingKey: 'zero' });
    if (!alone.ok) errors.push(fileError(file, alone.error));
  });
  if (errors.length > 0) return err(errors);
  const parsed = parseTemplates([defaults, ...sources], funcs, { missingKey: 'zero' });
  if (!parsed.ok) {
    // Only the defaults can fail here, which is a bug in edgealert.
    throw new Error(`default templates do not parse: ${parsed.error.message}`);
  }
  set = parsed.value;
  return ok(set);
}

/** The last path segment, as Go's ParseGlob names each file's template. */
function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function fileError(file: TemplateFile, error: TemplateError): TemplateFileError {
  const column = error.line > 0 ? characterColumn(file.text, error.line, error.column) : 0;
  const where = error.line > 0 ? `${file.name}:${error.line}:${column}` : file.name;
  return { file: file.name, line: error.line, column, reason: error.reason, message: `${where}: ${error.reason}` };
}

/** Go's byte column (from 0) on `line` as a 1-based character column. */
function characterColumn(text: string, line: number, byteColumn: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) start = text.indexOf('\n', start) + 1;
  const end = text.indexOf('\n', start);
  const encoded = new TextEncoder().encode(end < 0 ? text.slice(start) : text.slice(start, end));
  return [...new TextDecoder().decode(encoded.subarray(0, byteColumn))].length + 1;
}
