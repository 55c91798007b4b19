/**
 * Errors of parsing and executing templates, worded exactly as Go's
 * text/template words them, so a message from edgealert reads like the
 * message Alertmanager logs for the same template:
 *
 *   parse: `template: NAME:LINE: MESSAGE`
 *   exec:  `template: NAME:LINE:COL: executing "TEMPLATE" at <NODE>: MESSAGE`
 *
 * Go prints no column for parse errors; the structured error carries one anyway.
 */
import { goQuote } from './quote.js';
import { lineAndColumn } from './unicode.js';

export const TEMPLATE_ERROR_KINDS = ['parse', 'exec'] as const;
export type TemplateErrorKind = (typeof TEMPLATE_ERROR_KINDS)[number];

/** An expected failure of parsing or executing a template. */
export interface TemplateError {
  readonly kind: TemplateErrorKind;
  /** Go's full error text (see the module comment). */
  readonly message: string;
  /** The message without the location prefix, e.g. `can't evaluate field Nope in type string`. */
  readonly reason: string;
  /** Name of the source the position refers to (a file name; `""` for inline text). */
  readonly source: string;
  /** The template being parsed or executed (a `define` name, or the source name). */
  readonly template: string;
  /** 1-based line in the source; 0 when the error has no position. */
  readonly line: number;
  /** Go's column: bytes from the start of the line, counting from 0. */
  readonly column: number;
}

/** Internal: carries a TemplateError out of deep recursion; caught at the API boundary. */
export class TemplateFailure extends Error {
  constructor(readonly error: TemplateError) {
    super(error.message);
  }
}

/** Where an error happened: the source text and the offset in it. */
export interface ErrorSite {
  readonly source: string;
  readonly text: string;
  readonly pos: number;
}

/** A parse error at `site` (Go prints the line only). */
export function parseError(site: ErrorSite, template: string, reason: string): TemplateError {
  const { line, column } = lineAndColumn(site.text, site.pos);
  return {
    kind: 'parse',
    message: `template: ${site.source}:${line}: ${reason}`,
    reason,
    source: site.source,
    template,
    line,
    column,
  };
}

/** An execution error at `site`, while executing `template`, evaluating the node printed as `context`. */
export function execError(site: ErrorSite, template: string, context: string, reason: string): TemplateError {
  const { line, column } = lineAndColumn(site.text, site.pos);
  return {
    kind: 'exec',
    message: `template: ${site.source}:${line}:${column}: executing ${goQuote(template)} at <${context}>: ${reason}`,
    reason,
    source: site.source,
    template,
    line,
    column,
  };
}

/** An error tied to no position, e.g. an unknown template name given to execute. */
export function plainError(kind: TemplateErrorKind, template: string, reason: string): TemplateError {
  return { kind, message: `template: ${reason}`, reason, source: '', template, line: 0, column: 0 };
}
