/**
 * Evaluation of pipelines (Go's exec.go eval* functions): commands, fields,
 * method and function calls, arguments. `final` is the value piped in from
 * the previous command (MISSING for the first), passed as the last argument.
 * The node each step sets with `s.at` is the one Go's errors point at.
 */
import type { ArgNode, ChainNode, CommandNode, FieldNode, IdentifierNode, NumberNode, PipeNode, VariableNode } from './ast.js';
import { BUILTINS, type Builtin } from './builtins.js';
import type { ExecState } from './exec-state.js';
import { nodeString } from './node-string.js';
import { goQuote } from './quote.js';
import { isExported } from './unicode.js';
import { findMethod, GoFloat, hasField, isTrue, isVariadic, kindOf, mapElemZero, mapLookup, typeName, type GoMap } from './values.js';

/** No value piped in. */
export const MISSING: unique symbol = Symbol('missing');

type Args = readonly ArgNode[] | null;
type Callable = (...args: unknown[]) => unknown;

/** Runs a pipeline; its declarations push (or assign) variables, which the caller pops. */
export function evalPipeline(s: ExecState, dot: unknown, pipe: PipeNode | null): unknown {
  if (!pipe) return undefined;
  s.at(pipe);
  let value: unknown = MISSING;
  for (const cmd of pipe.cmds) value = evalCommand(s, dot, cmd, value);
  for (const v of pipe.decl) {
    const name = v.idents[0] as string;
    if (pipe.isAssign) s.setVar(name, value);
    else s.push(name, value);
  }
  return value;
}

function evalCommand(s: ExecState, dot: unknown, cmd: CommandNode, final: unknown): unknown {
  const first = cmd.args[0] as ArgNode;
  switch (first.type) {
    case 'field':
      return evalFieldNode(s, dot, first, cmd.args, final);
    case 'chain':
      return evalChainNode(s, dot, first, cmd.args, final);
    case 'identifier':
      return evalFunction(s, dot, first, cmd, cmd.args, final);
    case 'pipe':
      notAFunction(s, cmd.args, final);
      return evalPipeline(s, dot, first);
    case 'variable':
      return evalVariableNode(s, dot, first, cmd.args, final);
  }
  s.at(first);
  notAFunction(s, cmd.args, final);
  switch (first.type) {
    case 'bool':
      return first.value;
    case 'dot':
      return dot;
    case 'nil':
      return s.errorf('nil is not a command');
    case 'number':
      return idealConstant(s, first);
    case 'string':
      return first.text;
  }
}

function notAFunction(s: ExecState, args: Args, final: unknown): void {
  if (args && (args.length > 1 || final !== MISSING)) s.errorf(`can't give argument to non-function ${nodeString(args[0] as ArgNode)}`);
}

function idealConstant(s: ExecState, n: NumberNode): unknown {
  s.at(n);
  if (n.constant.kind === 'overflow') s.errorf(`${n.text} overflows int`);
  return n.constant.value;
}

function evalFieldNode(s: ExecState, dot: unknown, field: FieldNode, args: Args, final: unknown): unknown {
  s.at(field);
  return evalFieldChain(s, dot, dot, field, field.idents, 0, args, final);
}

function evalChainNode(s: ExecState, dot: unknown, chain: ChainNode, args: Args, final: unknown): unknown {
  s.at(chain);
  const receiver = evalArg(s, dot, chain.node, false);
  return evalFieldChain(s, dot, receiver, chain, chain.fields, 0, args, final);
}

function evalVariableNode(s: ExecState, dot: unknown, v: VariableNode, args: Args, final: unknown): unknown {
  s.at(v);
  const value = s.varValue(v.idents[0] as string);
  if (v.idents.length === 1) {
    notAFunction(s, args, final);
    return value;
  }
  return evalFieldChain(s, dot, value, v, v.idents, 1, args, final);
}

/** `.X.Y.Z args`: walks idents[start..]; only the last one gets the arguments. */
function evalFieldChain(
  s: ExecState,
  dot: unknown,
  receiver: unknown,
  node: ArgNode,
  idents: readonly string[],
  start: number,
  args: Args,
  final: unknown,
): unknown {
  const last = idents.length - 1;
  for (let i = start; i < last; i++) receiver = evalField(s, dot, idents[i] as string, node, null, MISSING, receiver);
  return evalField(s, dot, idents[last] as string, node, args, final, receiver);
}

/** `.Name` of a value: a method call, a struct field or a map entry. */
function evalField(s: ExecState, dot: unknown, name: string, node: ArgNode, args: Args, final: unknown, receiver: unknown): unknown {
  if (receiver === null || receiver === undefined) {
    if (s.env.missingKey === 'error') s.errorf(`nil data; no entry for key ${goQuote(name)}`);
    return undefined;
  }
  const method = typeof receiver === 'object' ? findMethod(receiver, name) : undefined;
  if (method) return evalCall(s, dot, method, receiver, node, name, args, final);
  const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
  const kind = kindOf(receiver);
  if (kind === 'struct' && hasField(receiver as object, name)) {
    if (!isExported(name)) s.errorf(`${name} is an unexported field of struct type ${typeName(receiver)}`);
    if (hasArgs) s.errorf(`${name} has arguments but cannot be invoked as function`);
    return (receiver as Record<string, unknown>)[name];
  }
  if (kind === 'map') {
    if (hasArgs) s.errorf(`${name} is not a method but has arguments`);
    const { found, value } = mapLookup(receiver as GoMap, name);
    if (found) return value;
    if (s.env.missingKey === 'zero') return mapElemZero(receiver as GoMap);
    if (s.env.missingKey === 'error') s.errorf(`map has no entry for key ${goQuote(name)}`);
    return undefined;
  }
  return s.errorf(`can't evaluate field ${name} in type ${typeName(receiver)}`);
}

function evalFunction(s: ExecState, dot: unknown, node: IdentifierNode, cmd: ArgNode | CommandNode, args: Args, final: unknown): unknown {
  s.at(node);
  const name = node.name;
  // The caller's functions shadow the builtins, as in Go.
  const fn = Object.hasOwn(s.env.funcs, name) ? s.env.funcs[name] : undefined;
  if (fn) return evalCall(s, dot, fn, undefined, cmd, name, args, final);
  const builtin = BUILTINS.get(name);
  if (!builtin) s.errorf(`${goQuote(name)} is not a defined function`);
  return callBuiltin(s, dot, builtin, cmd, name, args, final);
}

function checkArity(s: ExecState, name: string, fixed: number, variadic: boolean, argc: number, final: unknown): number {
  const numIn = argc + (final === MISSING ? 0 : 1);
  if (variadic && numIn < fixed) s.errorf(`wrong number of args for ${name}: want at least ${fixed} got ${argc}`);
  if (!variadic && numIn !== fixed) s.errorf(`wrong number of args for ${name}: want ${fixed} got ${numIn}`);
  return numIn;
}

/** Calls a function of the map or a method; float64 arguments arrive as plain numbers. */
function evalCall(
  s: ExecState,
  dot: unknown,
  fn: Callable,
  receiver: unknown,
  node: ArgNode | CommandNode,
  name: string,
  args: Args,
  final: unknown,
): unknown {
  const argc = args ? args.length - 1 : 0;
  const argv = new Array<unknown>(checkArity(s, name, fn.length, isVariadic(fn), argc, final));
  for (let i = 0; i < argc; i++) argv[i] = plain(evalArg(s, dot, (args as readonly ArgNode[])[i + 1] as ArgNode, false));
  if (final !== MISSING) argv[argc] = plain(final);
  return invoke(s, node, name, () => fn.apply(receiver, argv));
}

const plain = (v: unknown): unknown => (v instanceof GoFloat ? v.value : v);

function callBuiltin(s: ExecState, dot: unknown, b: Builtin, node: ArgNode | CommandNode, name: string, args: Args, final: unknown): unknown {
  const argc = args ? args.length - 1 : 0;
  const numIn = checkArity(s, name, b.fixed, b.variadic, argc, final);
  const argNode = (i: number): ArgNode => (args as readonly ArgNode[])[i + 1] as ArgNode;
  if (b.shortCircuit) {
    // and/or: the first falsy (and) or truthy (or) argument, else the last one.
    let v: unknown;
    for (let i = 0; i < argc; i++) {
      v = evalArg(s, dot, argNode(i), false);
      if (isTrue(v) === (name === 'or')) return v;
    }
    return final === MISSING ? v : final;
  }
  const argv = new Array<unknown>(numIn);
  for (let i = 0; i < argc; i++) argv[i] = evalArg(s, dot, argNode(i), b.stringFirst === true && i === 0);
  if (final !== MISSING) argv[argc] = b.stringFirst && argc === 0 ? checkString(s, final) : final;
  return invoke(s, node, name, () => b.fn(...argv));
}

function invoke(s: ExecState, node: ArgNode | CommandNode, name: string, call: () => unknown): unknown {
  try {
    return call();
  } catch (e) {
    s.at(node);
    return s.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** An argument's value; `wantString` checks it like a Go string parameter. */
function evalArg(s: ExecState, dot: unknown, n: ArgNode, wantString: boolean): unknown {
  s.at(n);
  switch (n.type) {
    case 'dot':
      return wantString ? checkString(s, dot) : dot;
    case 'nil':
      return wantString ? s.errorf('cannot assign nil to string') : null;
    case 'field':
      return check(s, evalFieldNode(s, dot, n, null, MISSING), wantString);
    case 'variable':
      return check(s, evalVariableNode(s, dot, n, null, MISSING), wantString);
    case 'pipe':
      return check(s, evalPipeline(s, dot, n), wantString);
    case 'identifier':
      return check(s, evalFunction(s, dot, n, n, null, MISSING), wantString);
    case 'chain':
      return check(s, evalChainNode(s, dot, n, null, MISSING), wantString);
  }
  if (wantString) return n.type === 'string' ? n.text : s.errorf(`expected string; found ${nodeString(n)}`);
  switch (n.type) {
    case 'bool':
      return n.value;
    case 'number':
      return idealConstant(s, n);
    case 'string':
      return n.text;
  }
}

const check = (s: ExecState, v: unknown, wantString: boolean): unknown => (wantString ? checkString(s, v) : v);

function checkString(s: ExecState, v: unknown): string {
  if (v === null || v === undefined) return s.errorf('invalid value; expected string');
  if (typeof v !== 'string') return s.errorf(`wrong type for value; expected string; got ${typeName(v)}`);
  return v;
}
