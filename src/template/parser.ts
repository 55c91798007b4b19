/**
 * The parser of Go's text/template (parse/parse.go, Go 1.19): one source
 * becomes its top-level tree, named after the source, plus a tree for every
 * `{{define}}` and `{{block}}` in it. Defining a non-empty template twice in
 * one source is an error; an empty definition never replaces another.
 */
import { isEmptyTree, type ElseNode, type EndNode, type ListNode, type Node, type TemplateNode, type Tree } from './ast.js';
import { nodeString } from './node-string.js';
import { parsePipeline } from './parse-pipeline.js';
import { ParseState } from './parse-state.js';
import { goQuote, unquote } from './quote.js';
import { lex } from './lexer.js';
import { TemplateFailure, type TemplateError } from './template-error.js';
import type { Token } from './token.js';
import { err, ok, type Result } from '../util/result.js';

type ListItem = Node | EndNode | ElseNode;

/** Parses source `name`; `hasFunction` says which function names exist (builtins included). */
export function parseSource(
  name: string,
  text: string,
  hasFunction: (fn: string) => boolean,
): Result<ReadonlyMap<string, Tree>, TemplateError> {
  const tokens = lex(text, { breakOK: !hasFunction('break'), continueOK: !hasFunction('continue') });
  const p = new ParseState(tokens, name, text, hasFunction);
  try {
    addTree(p, { name, source: name, text, root: parseTop(p) });
    return ok(p.trees);
  } catch (e) {
    if (e instanceof TemplateFailure) return err(e.error);
    throw e;
  }
}

function parseTop(p: ParseState): ListNode {
  const root: ListNode = { type: 'list', pos: p.peek().pos, nodes: [] };
  while (p.peek().kind !== 'eof') {
    if (p.peek().kind === 'leftDelim') {
      const mark = p.mark();
      p.next();
      if (p.nextNonSpace().kind === 'define') {
        nested(p, 'definition', parseDefinition);
        continue;
      }
      p.reset(mark);
    }
    const n = textOrAction(p);
    if (n.type === 'end' || n.type === 'else') p.errorf(`unexpected ${nodeString(n)}`);
    root.nodes.push(n);
  }
  return root;
}

/** Parses a define or block body as its own tree: fresh variables, not inside any range. */
function nested<T>(p: ParseState, treeName: string, parse: (p: ParseState) => T): T {
  const saved = { vars: p.vars, rangeDepth: p.rangeDepth, treeName: p.treeName };
  p.vars = ['$'];
  p.rangeDepth = 0;
  p.treeName = treeName;
  const result = parse(p);
  Object.assign(p, saved);
  return result;
}

function parseDefinition(p: ParseState): void {
  const context = 'define clause';
  const token = p.nextNonSpace();
  if (token.kind !== 'string' && token.kind !== 'rawString') p.unexpected(token, context);
  const name = unquoteName(p, token);
  p.treeName = name;
  p.expect('rightDelim', context);
  const { list, end } = itemList(p);
  if (end.type !== 'end') p.errorf(`unexpected ${nodeString(end)} in ${context}`);
  addTree(p, { name, source: p.source, text: p.text, root: list });
}

function addTree(p: ParseState, tree: Tree): void {
  const existing = p.trees.get(tree.name);
  if (!existing || isEmptyTree(existing.root)) p.trees.set(tree.name, tree);
  else if (!isEmptyTree(tree.root)) p.errorf(`template: multiple definition of template ${goQuote(tree.name)}`);
}

/** textOrAction* up to an `{{end}}` or `{{else}}`, which is returned separately. */
function itemList(p: ParseState): { list: ListNode; end: EndNode | ElseNode } {
  const list: ListNode = { type: 'list', pos: p.peekNonSpace().pos, nodes: [] };
  while (p.peekNonSpace().kind !== 'eof') {
    const n = textOrAction(p);
    if (n.type === 'end' || n.type === 'else') return { list, end: n };
    list.nodes.push(n);
  }
  return p.errorf('unexpected EOF');
}

function textOrAction(p: ParseState): ListItem {
  const token = p.nextNonSpace();
  if (token.kind === 'text') return { type: 'text', pos: token.pos, text: token.val };
  if (token.kind !== 'leftDelim') p.unexpected(token, 'input');
  p.actionPos = token.pos;
  const node = action(p);
  p.actionPos = -1;
  return node;
}

/** The inside of `{{ }}`: a control keyword, or a pipeline to print. */
function action(p: ParseState): ListItem {
  const token = p.nextNonSpace();
  switch (token.kind) {
    case 'block':
      return blockControl(p);
    case 'break':
    case 'continue':
      return loopControl(p, token);
    case 'else':
      return elseControl(p);
    case 'end':
      return { type: 'end', pos: p.expect('rightDelim', 'end').pos };
    case 'if':
    case 'range':
    case 'with':
      return branchControl(p, token.kind);
    case 'template':
      return templateControl(p);
  }
  p.backup();
  const pos = p.peek().pos;
  return { type: 'action', pos, pipe: parsePipeline(p, 'command', 'rightDelim') };
}

function loopControl(p: ParseState, token: Token): Node {
  const keyword = token.kind as 'break' | 'continue';
  const close = p.nextNonSpace();
  if (close.kind !== 'rightDelim') p.unexpected(close, `{{${keyword}}}`);
  if (p.rangeDepth === 0) p.errorf(`{{${keyword}}} outside {{range}}`);
  return { type: keyword, pos: token.pos };
}

function elseControl(p: ParseState): ElseNode {
  // "{{else if ...": the if is left pending and parsed as the else branch's only node.
  const peek = p.peekNonSpace();
  if (peek.kind === 'if') return { type: 'else', pos: peek.pos };
  return { type: 'else', pos: p.expect('rightDelim', 'else').pos };
}

function branchControl(p: ParseState, context: 'if' | 'range' | 'with'): Node {
  const varsInScope = p.vars.length;
  const pipe = parsePipeline(p, context, 'rightDelim');
  if (context === 'range') p.rangeDepth++;
  const { list, end } = itemList(p);
  if (context === 'range') p.rangeDepth--;
  let elseList: ListNode | null = null;
  if (end.type === 'else') {
    if (context === 'if' && p.peek().kind === 'if') {
      p.next();
      elseList = { type: 'list', pos: end.pos, nodes: [branchControl(p, 'if')] };
    } else {
      const rest = itemList(p);
      if (rest.end.type !== 'end') p.errorf(`expected end; found ${nodeString(rest.end)}`);
      elseList = rest.list;
    }
  }
  p.vars.length = varsInScope; // variables declared in the branch die with it
  return { type: context, pos: pipe.pos, pipe, list, elseList };
}

function templateControl(p: ParseState): TemplateNode {
  const context = 'template clause';
  const token = p.nextNonSpace();
  const name = templateName(p, token, context);
  let pipe = null;
  if (p.nextNonSpace().kind !== 'rightDelim') {
    p.backup();
    pipe = parsePipeline(p, context, 'rightDelim');
  }
  return { type: 'template', pos: token.pos, name, pipe };
}

/** `{{block "name" pipeline}} body {{end}}`: defines "name" and executes it in place. */
function blockControl(p: ParseState): TemplateNode {
  const context = 'block clause';
  const token = p.nextNonSpace();
  const name = templateName(p, token, context);
  const pipe = parsePipeline(p, context, 'rightDelim');
  nested(p, name, () => {
    const { list, end } = itemList(p);
    if (end.type !== 'end') p.errorf(`unexpected ${nodeString(end)} in ${context}`);
    addTree(p, { name, source: p.source, text: p.text, root: list });
  });
  return { type: 'template', pos: token.pos, name, pipe };
}

function templateName(p: ParseState, token: Token, context: string): string {
  if (token.kind !== 'string' && token.kind !== 'rawString') p.unexpected(token, context);
  return unquoteName(p, token);
}

function unquoteName(p: ParseState, token: Token): string {
  try {
    return unquote(token.val);
  } catch (e) {
    return p.errorf((e as Error).message);
  }
}
