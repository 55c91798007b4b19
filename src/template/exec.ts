/**
 * Walking a parse tree (Go's exec.go walk functions): text, actions,
 * if/with/range, template calls, break and continue. Walks return a signal
 * instead of throwing for break and continue, so loops stay cheap.
 */
import type { ActionNode, BranchNode, ListNode, Node, TemplateNode, Tree } from './ast.js';
import { evalPipeline } from './eval.js';
import { ExecState, type ExecEnv } from './exec-state.js';
import { nodeString } from './node-string.js';
import { formatValue } from './printer.js';
import { goQuote } from './quote.js';
import { TemplateFailure, type TemplateError } from './template-error.js';
import { isTrue, kindOf, mapLookup, sortedMapKeys, typeName, type GoMap } from './values.js';
import { err, ok, type Result } from '../util/result.js';

const NEXT = 0;
const BREAK = 1;
const CONTINUE = 2;
type Signal = typeof NEXT | typeof BREAK | typeof CONTINUE;

/** Nesting of template calls allowed before giving up (Go allows 100000; JavaScript stacks are smaller). */
export const MAX_EXEC_DEPTH = 1000;

/** Executes `tree` with `data` as dot and `$`. */
export function executeTree(env: ExecEnv, tree: Tree, data: unknown): Result<string, TemplateError> {
  const s = new ExecState(env, tree);
  s.push('$', data);
  try {
    walk(s, data, tree.root);
    return ok(s.out);
  } catch (e) {
    if (e instanceof TemplateFailure) return err(e.error);
    // Deeply nested templates can exhaust the stack before MAX_EXEC_DEPTH.
    if (e instanceof RangeError && /call stack/i.test(e.message)) return err(s.failure('template nesting exhausted the stack').error);
    throw e;
  }
}

function walk(s: ExecState, dot: unknown, node: Node): Signal {
  s.at(node);
  switch (node.type) {
    case 'text':
      s.out += node.text;
      return NEXT;
    case 'action':
      return walkAction(s, dot, node);
    case 'list':
      return walkList(s, dot, node);
    case 'if':
    case 'with':
      return walkIfOrWith(s, dot, node);
    case 'range':
      return walkRange(s, dot, node);
    case 'template':
      walkTemplate(s, dot, node);
      return NEXT;
    case 'break':
      return BREAK;
    case 'continue':
      return CONTINUE;
  }
}

function walkList(s: ExecState, dot: unknown, list: ListNode): Signal {
  for (const node of list.nodes) {
    const signal = walk(s, dot, node);
    if (signal !== NEXT) return signal;
  }
  return NEXT;
}

/** Prints the pipeline's value, unless the action only declares variables (they stay until the enclosing end). */
function walkAction(s: ExecState, dot: unknown, node: ActionNode): Signal {
  const value = evalPipeline(s, dot, node.pipe);
  if (node.pipe.decl.length > 0) return NEXT;
  s.at(node);
  if (typeof value === 'string') s.out += value;
  else if (Number.isSafeInteger(value)) s.out += String(value); // ints, the other common case
  else if (value === null || value === undefined) s.out += '<no value>';
  else if (typeof value === 'function') s.errorf(`can't print ${nodeString(node)} of type ${typeName(value)}`);
  else s.out += formatValue(value);
  return NEXT;
}

function walkIfOrWith(s: ExecState, dot: unknown, node: BranchNode): Signal {
  const mark = s.mark();
  const value = evalPipeline(s, dot, node.pipe);
  let signal: Signal = NEXT;
  if (isTrue(value)) signal = walkList(s, node.type === 'with' ? value : dot, node.list);
  else if (node.elseList) signal = walkList(s, dot, node.elseList);
  s.pop(mark);
  return signal;
}

function walkRange(s: ExecState, dot: unknown, node: BranchNode): Signal {
  s.at(node);
  const mark = s.mark();
  const value = evalPipeline(s, dot, node.pipe);
  const bodyMark = s.mark();
  let ran = false;
  switch (kindOf(value)) {
    case 'slice': {
      const items = value as unknown[];
      for (let i = 0; i < items.length; i++) {
        ran = true;
        if (iteration(s, node, bodyMark, i, items[i]) === BREAK) break;
      }
      break;
    }
    case 'map':
      for (const key of sortedMapKeys(value as GoMap)) {
        ran = true;
        if (iteration(s, node, bodyMark, key, mapLookup(value as GoMap, key).value) === BREAK) break;
      }
      break;
    case 'nil':
      break; // like an empty map
    default:
      s.errorf(`range can't iterate over ${formatValue(value)}`);
  }
  let signal: Signal = NEXT;
  // Go's range swallows a break from its else branch but lets a continue reach the enclosing range.
  if (!ran && node.elseList && walkList(s, dot, node.elseList) === CONTINUE) signal = CONTINUE;
  s.pop(mark);
  return signal;
}

function iteration(s: ExecState, node: BranchNode, bodyMark: number, index: unknown, elem: unknown): Signal {
  setRangeVars(s, node, index, elem);
  const signal = walkList(s, elem, node.list);
  s.pop(bodyMark);
  return signal;
}

/** `range $v :=` sets the element; `range $i, $v :=` the index (or key) and the element. */
function setRangeVars(s: ExecState, node: BranchNode, index: unknown, elem: unknown): void {
  const { decl, isAssign } = node.pipe;
  if (decl.length === 0) return;
  if (isAssign) {
    s.setVar(decl[0]?.idents[0] as string, decl.length > 1 ? index : elem);
    if (decl.length > 1) s.setVar(decl[1]?.idents[0] as string, elem);
    return;
  }
  s.setTopVar(1, elem);
  if (decl.length > 1) s.setTopVar(2, index);
}

/** `{{template "name" pipeline}}`: the callee sees the value as dot and `$`, and none of the caller's variables. */
function walkTemplate(s: ExecState, dot: unknown, node: TemplateNode): void {
  s.at(node);
  const tree = s.env.lookup(node.name);
  if (!tree) s.errorf(`template ${goQuote(node.name)} not defined`);
  if (s.depth >= MAX_EXEC_DEPTH) s.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
  const value = evalPipeline(s, dot, node.pipe);
  const caller = { tree: s.tree, base: s.base };
  const frame = s.mark();
  s.tree = tree;
  s.base = frame;
  s.depth++;
  s.push('$', value);
  walk(s, value, tree.root);
  s.pop(frame);
  s.depth--;
  s.tree = caller.tree;
  s.base = caller.base;
}
