/**
 * Pipelines, commands and operands (the expression half of Go's parse.go):
 *
 *   pipeline: declarations? command ('|' command)*
 *   command:  operand (space operand)*
 *   operand:  term .Field*
 *   term:     literal | function | . | .Field | $var | '(' pipeline ')'
 */
import type { ArgNode, CommandNode, PipeNode, VariableNode } from './ast.js';
import { nodeString } from './node-string.js';
import { parseNumberLiteral } from './number-literal.js';
import type { ParseState } from './parse-state.js';
import { goQuote, unquote } from './quote.js';
import type { TokenKind } from './token.js';

const MAX_PAREN_DEPTH = 1000;

const COMMAND_START: ReadonlySet<TokenKind> = new Set<TokenKind>([
  'bool', 'charConstant', 'complex', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen',
]);

/** Parses a pipeline up to the `end` token (right delimiter or paren), which it consumes. */
export function parsePipeline(p: ParseState, context: string, end: 'rightDelim' | 'rightParen'): PipeNode {
  const pipe = { type: 'pipe', pos: p.peekNonSpace().pos, isAssign: false, decl: [] as VariableNode[], cmds: [] as CommandNode[] };
  parseDeclarations(p, pipe, context);
  for (;;) {
    const token = p.nextNonSpace();
    if (token.kind === end) {
      checkPipeline(p, pipe, context);
      return pipe as PipeNode;
    }
    if (!COMMAND_START.has(token.kind)) p.unexpected(token, context);
    p.backup();
    pipe.cmds.push(parseCommand(p));
  }
}

/** `$x :=`, `$x =`, or for range `$i, $v :=`; anything else is left for the commands. */
function parseDeclarations(p: ParseState, pipe: { isAssign: boolean; decl: VariableNode[] }, context: string): void {
  for (;;) {
    const start = p.mark();
    const v = p.nextNonSpace();
    if (v.kind !== 'variable') {
      p.reset(start);
      return;
    }
    const next = p.peekNonSpace();
    if (next.kind === 'assign' || next.kind === 'declare') {
      pipe.isAssign = next.kind === 'assign';
      p.nextNonSpace();
      declare(p, pipe, v.pos, v.val);
      return;
    }
    if (next.kind !== 'char' || next.val !== ',') {
      p.reset(start);
      return;
    }
    p.nextNonSpace();
    declare(p, pipe, v.pos, v.val);
    if (context === 'range' && pipe.decl.length < 2) {
      const after = p.peekNonSpace().kind;
      if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue;
      p.errorf('range can only initialize variables');
    }
    p.errorf(`too many declarations in ${context}`);
  }
}

function declare(p: ParseState, pipe: { decl: VariableNode[] }, pos: number, name: string): void {
  pipe.decl.push({ type: 'variable', pos, idents: name.split('.') });
  p.vars.push(name);
}

function checkPipeline(p: ParseState, pipe: { cmds: CommandNode[] }, context: string): void {
  if (pipe.cmds.length === 0) p.errorf(`missing value for ${context}`);
  // Only the first command may start with a literal: in A|B|C, B and C must execute.
  pipe.cmds.forEach((cmd, i) => {
    const first = cmd.args[0];
    if (i > 0 && first && ['bool', 'dot', 'nil', 'number', 'string'].includes(first.type)) {
      p.errorf(`non executable command in pipeline stage ${i + 1}`);
    }
  });
}

function parseCommand(p: ParseState): CommandNode {
  const cmd: CommandNode = { type: 'command', pos: p.peekNonSpace().pos, args: [] };
  for (;;) {
    p.peekNonSpace(); // skip leading spaces
    const operand = parseOperand(p);
    if (operand) cmd.args.push(operand);
    const token = p.next();
    if (token.kind === 'space') continue;
    if (token.kind === 'rightDelim' || token.kind === 'rightParen') p.backup();
    else if (token.kind !== 'pipe') p.unexpected(token, 'operand');
    break;
  }
  if (cmd.args.length === 0) p.errorf('empty command');
  return cmd;
}

/** A term followed by field accesses; `.A.B` and `$x.A` stay fields and variables, others become chains. */
function parseOperand(p: ParseState): ArgNode | undefined {
  const node = parseTerm(p);
  if (!node || p.peek().kind !== 'field') return node;
  const pos = p.peek().pos;
  const fields: string[] = [];
  while (p.peek().kind === 'field') fields.push(p.next().val.slice(1));
  switch (node.type) {
    case 'field':
      return { type: 'field', pos, idents: [...node.idents, ...fields] };
    case 'variable':
      return { type: 'variable', pos, idents: [...node.idents, ...fields] };
    case 'bool':
    case 'string':
    case 'number':
    case 'nil':
    case 'dot':
      return p.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
    default:
      return { type: 'chain', pos, node, fields };
  }
}

function parseTerm(p: ParseState): ArgNode | undefined {
  const token = p.nextNonSpace();
  switch (token.kind) {
    case 'identifier':
      if (!p.hasFunction(token.val)) p.errorf(`function ${goQuote(token.val)} not defined`);
      return { type: 'identifier', pos: token.pos, name: token.val };
    case 'dot':
      return { type: 'dot', pos: token.pos };
    case 'nil':
      return { type: 'nil', pos: token.pos };
    case 'variable':
      return useVariable(p, token.pos, token.val);
    case 'field':
      return { type: 'field', pos: token.pos, idents: token.val.slice(1).split('.') };
    case 'bool':
      return { type: 'bool', pos: token.pos, value: token.val === 'true' };
    case 'charConstant':
    case 'complex':
    case 'number': {
      const kind = token.kind;
      return { type: 'number', pos: token.pos, text: token.val, constant: literal(p, () => parseNumberLiteral(token.val, kind)) };
    }
    case 'leftParen': {
      if (p.parenDepth >= MAX_PAREN_DEPTH) p.errorf('max expression depth exceeded');
      p.parenDepth++;
      const pipe = parsePipeline(p, 'parenthesized pipeline', 'rightParen');
      p.parenDepth--;
      return pipe;
    }
    case 'string':
    case 'rawString':
      return { type: 'string', pos: token.pos, quoted: token.val, text: literal(p, () => unquote(token.val)) };
    default:
      p.backup();
      return undefined;
  }
}

function literal<T>(p: ParseState, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    return p.errorf((e as Error).message);
  }
}

function useVariable(p: ParseState, pos: number, name: string): VariableNode {
  const idents = name.split('.');
  if (!p.vars.includes(idents[0] ?? '')) p.errorf(`undefined variable ${goQuote(idents[0] ?? '')}`);
  return { type: 'variable', pos, idents };
}
