/**
 * Nodes printed back as template source (Go's Node.String()), which is what
 * errors show between angle brackets: `executing "x" at <.Alerts.Foo>`.
 */
import type { ArgNode, CommandNode, ElseNode, EndNode, Node, PipeNode } from './ast.js';
import { goQuote } from './quote.js';

type AnyNode = Node | ArgNode | CommandNode | EndNode | ElseNode;

/** The node as Go prints it. */
export function nodeString(node: AnyNode): string {
  switch (node.type) {
    case 'list':
      return node.nodes.map(nodeString).join('');
    case 'text':
      return node.text;
    case 'action':
      return `{{${pipeString(node.pipe)}}}`;
    case 'if':
    case 'range':
    case 'with': {
      const elsePart = node.elseList ? `{{else}}${nodeString(node.elseList)}` : '';
      return `{{${node.type} ${pipeString(node.pipe)}}}${nodeString(node.list)}${elsePart}{{end}}`;
    }
    case 'template':
      return node.pipe ? `{{template ${goQuote(node.name)} ${pipeString(node.pipe)}}}` : `{{template ${goQuote(node.name)}}}`;
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
    case 'command':
      return node.args.map((arg) => (arg.type === 'pipe' ? `(${pipeString(arg)})` : nodeString(arg))).join(' ');
    case 'pipe':
      return pipeString(node);
    case 'field':
      return `.${node.idents.join('.')}`;
    case 'variable':
      return node.idents.join('.');
    case 'chain': {
      const head = node.node.type === 'pipe' ? `(${pipeString(node.node)})` : nodeString(node.node);
      return `${head}.${node.fields.join('.')}`;
    }
    case 'identifier':
      return node.name;
    case 'bool':
      return node.value ? 'true' : 'false';
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'number':
      return node.text;
    case 'string':
      return node.quoted;
  }
}

function pipeString(pipe: PipeNode): string {
  let decl = '';
  if (pipe.decl.length > 0) decl = `${pipe.decl.map(nodeString).join(', ')}${pipe.isAssign ? ' = ' : ' := '}`;
  return decl + pipe.cmds.map(nodeString).join(' | ');
}
