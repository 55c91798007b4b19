/**
 * A set of named templates parsed from several sources that share one
 * namespace, like Go's template.ParseFiles: each source is a template named
 * after it, and its `define`s join the set. A later source replaces an
 * earlier definition of the same name (so user files override the default
 * templates), except with an empty body; two non-empty definitions of one
 * name in the same source are an error.
 *
 * `executeString` runs inline text against the set as Alertmanager's
 * ExecuteTextString does (a template named ""), parsing each distinct text
 * once.
 */
import { err, ok, type Result } from '../util/result.js';
import { isEmptyTree, type Tree } from './ast.js';
import { BUILTINS } from './builtins.js';
import type { ExecEnv, MissingKey, TemplateFunc } from './exec-state.js';
import { executeTree } from './exec.js';
import { parseSource } from './parser.js';
import { goQuote } from './quote.js';
import { plainError, type TemplateError } from './template-error.js';

export interface TemplateSource {
  /** The template's name, e.g. the file's base name `slack.tmpl`. */
  readonly name: string;
  readonly text: string;
}

export interface TemplateOptions {
  /** What a missing map key gives (Go's missingkey option; Alertmanager uses 'zero'). Default 'default'. */
  readonly missingKey?: MissingKey;
}

/** Functions callable from templates by name, next to the builtins (which they may shadow). */
export type TemplateFuncs = Readonly<Record<string, TemplateFunc>>;

const MAX_CACHED_TEXTS = 500;
const FUNCTION_NAME = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

/** Parses `sources` in order into one set; the first parse error is returned. Throws for a malformed function map (a bug). */
export function parseTemplates(
  sources: readonly TemplateSource[],
  funcs: TemplateFuncs = {},
  options: TemplateOptions = {},
): Result<TemplateSet, TemplateError> {
  for (const [name, fn] of Object.entries(funcs)) {
    if (!FUNCTION_NAME.test(name)) throw new Error(`function name ${goQuote(name)} is not a valid identifier`);
    if (typeof fn !== 'function') throw new Error(`value for ${name} not a function`);
  }
  const hasFunction = (name: string): boolean => Object.hasOwn(funcs, name) || BUILTINS.has(name);
  const trees = new Map<string, Tree>();
  for (const source of sources) {
    const parsed = parseSource(source.name, source.text, hasFunction);
    if (!parsed.ok) return parsed;
    associate(trees, parsed.value);
  }
  const env: ExecEnv = { lookup: (name) => trees.get(name), funcs, missingKey: options.missingKey ?? 'default' };
  return ok(new TemplateSet(trees, env, hasFunction));
}

/** Adds newly parsed trees; an empty definition never replaces an existing one (Go's associate). */
function associate(into: Map<string, Tree>, trees: ReadonlyMap<string, Tree>): void {
  for (const [name, tree] of trees) {
    if (into.has(name) && isEmptyTree(tree.root)) continue;
    into.set(name, tree);
  }
}

/** Parsed templates, ready to execute any number of times. */
export class TemplateSet {
  private readonly inline = new Map<string, Result<InlineTemplate, TemplateError>>();

  /** @internal Use parseTemplates. */
  constructor(
    private readonly trees: ReadonlyMap<string, Tree>,
    private readonly env: ExecEnv,
    private readonly hasFunction: (name: string) => boolean,
  ) {}

  /** Names of all templates in the set, sorted. */
  names(): string[] {
    return [...this.trees.keys()].sort();
  }

  /** Whether the set has a template called `name`. */
  has(name: string): boolean {
    return this.trees.has(name);
  }

  /** Executes the template `name` with `data` as dot. */
  execute(name: string, data: unknown): Result<string, TemplateError> {
    const tree = this.trees.get(name);
    if (!tree) return err(plainError('exec', name, `no template ${goQuote(name)} associated with template ""`));
    return executeTree(this.env, tree, data);
  }

  /**
   * Parses `text` as a template named "" (once per distinct text) and
   * executes it; it may call the set's templates and define its own, which
   * shadow the set's for this text only. Empty text renders as "".
   */
  executeString(text: string, data: unknown): Result<string, TemplateError> {
    if (text === '') return ok('');
    const parsed = this.inline.get(text) ?? this.parseInline(text);
    if (!parsed.ok) return parsed;
    return executeTree(parsed.value.env, parsed.value.tree, data);
  }

  private parseInline(text: string): Result<InlineTemplate, TemplateError> {
    const parsed = parseSource('', text, this.hasFunction);
    let result: Result<InlineTemplate, TemplateError>;
    if (!parsed.ok) result = parsed;
    else {
      const own = parsed.value;
      const tree = own.get('') as Tree;
      const lookup = (name: string): Tree | undefined => (name === '' ? tree : this.localOrSet(own, name));
      result = ok({ tree, env: { ...this.env, lookup } });
    }
    if (this.inline.size >= MAX_CACHED_TEXTS) this.inline.delete(this.inline.keys().next().value as string);
    this.inline.set(text, result);
    return result;
  }

  private localOrSet(own: ReadonlyMap<string, Tree>, name: string): Tree | undefined {
    const local = own.get(name);
    const shared = this.trees.get(name);
    // As when Go adds the inline text to a clone of the set: an empty local definition keeps the set's.
    return local && (!shared || !isEmptyTree(local.root)) ? local : shared;
  }
}

interface InlineTemplate {
  readonly tree: Tree;
  readonly env: ExecEnv;
}
