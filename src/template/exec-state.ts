/**
 * The state of one execution: output, the variable stack, the template
 * being executed and the node being evaluated (which errors point at).
 * Variables live in two parallel arrays; a template call starts a new frame
 * at `base`, since invoked templates see only their own `$`.
 */
import type { ArgNode, CommandNode, Node, Tree } from './ast.js';
import { nodeString } from './node-string.js';
import { TemplateFailure, execError } from './template-error.js';

/** What a function map entry is: called with the evaluated arguments; throwing fails the execution. */
export type TemplateFunc = (...args: any[]) => unknown;

export const MISSING_KEY_MODES = ['default', 'zero', 'error'] as const;
/** Go's `missingkey` option: a missing map key gives nil (`<no value>`), the element's zero value, or an error. */
export type MissingKey = (typeof MISSING_KEY_MODES)[number];

/** Everything an execution needs besides its data. */
export interface ExecEnv {
  lookup(name: string): Tree | undefined;
  readonly funcs: Readonly<Record<string, TemplateFunc>>;
  readonly missingKey: MissingKey;
}

export class ExecState {
  out = '';
  node: Node | ArgNode | CommandNode | null = null;
  depth = 0;
  private names: string[] = [];
  private values: unknown[] = [];
  /** First variable of the current template's frame. */
  base = 0;

  constructor(
    readonly env: ExecEnv,
    public tree: Tree,
  ) {}

  at(node: Node | ArgNode | CommandNode): void {
    this.node = node;
  }

  errorf(reason: string): never {
    throw this.failure(reason);
  }

  /** The error `reason` at the current node. */
  failure(reason: string): TemplateFailure {
    const node = this.node;
    const site = { source: this.tree.source, text: this.tree.text, pos: node ? node.pos : 0 };
    return new TemplateFailure(execError(site, this.tree.name, node ? nodeString(node) : '', reason));
  }

  push(name: string, value: unknown): void {
    this.names.push(name);
    this.values.push(value);
  }

  mark(): number {
    return this.names.length;
  }

  pop(mark: number): void {
    this.names.length = mark;
    this.values.length = mark;
  }

  /** Overwrites the innermost variable called `name` (`$x = value`). */
  setVar(name: string, value: unknown): void {
    const i = this.find(name);
    if (i < 0) this.errorf(`undefined variable: ${name}`);
    this.values[i] = value;
  }

  /** Overwrites the n-th variable from the top (1 is the top); range sets its element and index this way. */
  setTopVar(n: number, value: unknown): void {
    this.values[this.values.length - n] = value;
  }

  varValue(name: string): unknown {
    const i = this.find(name);
    if (i < 0) this.errorf(`undefined variable: ${name}`);
    return this.values[i];
  }

  private find(name: string): number {
    for (let i = this.names.length - 1; i >= this.base; i--) if (this.names[i] === name) return i;
    return -1;
  }
}
