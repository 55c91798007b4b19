/**
 * Parse trees (Go's text/template/parse nodes). `pos` is the offset of the
 * node in its source text; Go reports errors at the same offsets, so nodes
 * keep Go's choice of position (e.g. `.A.B` sits at `.B`).
 */
import type { NumberConstant } from './number-literal.js';

/** One parsed template: the top level of a source, or a `define`/`block`. */
export interface Tree {
  readonly name: string;
  /** The source (file) it was parsed from, for error positions. */
  readonly source: string;
  /** The whole source text, for error positions. */
  readonly text: string;
  readonly root: ListNode;
}

export type Node = ListNode | TextNode | ActionNode | BranchNode | TemplateNode | BreakNode | ContinueNode;

export interface ListNode {
  readonly type: 'list';
  readonly pos: number;
  readonly nodes: Node[];
}

export interface TextNode {
  readonly type: 'text';
  readonly pos: number;
  readonly text: string;
}

/** `{{pipeline}}`: prints its value unless it declares variables. */
export interface ActionNode {
  readonly type: 'action';
  readonly pos: number;
  readonly pipe: PipeNode;
}

/** `{{if}}`, `{{range}}` and `{{with}}`: a pipeline, a body and an optional else body. */
export interface BranchNode {
  readonly type: 'if' | 'range' | 'with';
  readonly pos: number;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | null;
}

/** `{{template "name" pipeline}}` (also what a `{{block}}` leaves in place). */
export interface TemplateNode {
  readonly type: 'template';
  readonly pos: number;
  readonly name: string;
  readonly pipe: PipeNode | null;
}

export interface BreakNode {
  readonly type: 'break';
  readonly pos: number;
}

export interface ContinueNode {
  readonly type: 'continue';
  readonly pos: number;
}

/** Parse-only markers for `{{end}}` and `{{else}}`; never in a finished tree. */
export interface EndNode {
  readonly type: 'end';
  readonly pos: number;
}
export interface ElseNode {
  readonly type: 'else';
  readonly pos: number;
}

/** `$x := cmd | cmd`: optional declarations, then commands joined by `|`. */
export interface PipeNode {
  readonly type: 'pipe';
  readonly pos: number;
  readonly isAssign: boolean;
  readonly decl: VariableNode[];
  readonly cmds: CommandNode[];
}

/** Space-separated arguments; the first is the function, method or value. */
export interface CommandNode {
  readonly type: 'command';
  readonly pos: number;
  readonly args: ArgNode[];
}

export type ArgNode =
  | FieldNode
  | ChainNode
  | IdentifierNode
  | PipeNode
  | VariableNode
  | BoolNode
  | DotNode
  | NilNode
  | NumberNode
  | StringNode;

/** `.A.B`: fields of dot. */
export interface FieldNode {
  readonly type: 'field';
  readonly pos: number;
  readonly idents: string[];
}

/** `$x.A.B`: idents[0] is the variable (`$x` or `$`). */
export interface VariableNode {
  readonly type: 'variable';
  readonly pos: number;
  readonly idents: string[];
}

/** `(pipeline).A.B`: fields of a term that is not dot or a variable. */
export interface ChainNode {
  readonly type: 'chain';
  readonly pos: number;
  readonly node: ArgNode;
  readonly fields: string[];
}

/** A function name. */
export interface IdentifierNode {
  readonly type: 'identifier';
  readonly pos: number;
  readonly name: string;
}

export interface BoolNode {
  readonly type: 'bool';
  readonly pos: number;
  readonly value: boolean;
}

export interface DotNode {
  readonly type: 'dot';
  readonly pos: number;
}

export interface NilNode {
  readonly type: 'nil';
  readonly pos: number;
}

export interface NumberNode {
  readonly type: 'number';
  readonly pos: number;
  /** The literal as written. */
  readonly text: string;
  readonly constant: NumberConstant;
}

export interface StringNode {
  readonly type: 'string';
  readonly pos: number;
  /** The literal as written, quotes included. */
  readonly quoted: string;
  readonly text: string;
}

/** Go's parse.IsEmptyTree: only whitespace text (and comments). Such a tree never replaces a defined one. */
export function isEmptyTree(node: Node): boolean {
  if (node.type === 'list') return node.nodes.every(isEmptyTree);
  if (node.type === 'text') return node.text.trim() === '';
  return false;
}
