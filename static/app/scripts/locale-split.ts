/**
 * Build-time split of the message catalogues by language (issue 7, decision 0033).
 *
 * Every `defineMessages({ sv: {…}, en: {…} })` in static/app/src keeps its Swedish table where it is and
 * moves its English table into a module of its own, loaded only when the reader's locale is English
 * (src/i18n/locale-tables.ts puts it back before anything is drawn). A Swedish reader, the app's primary
 * audience, so downloads no English texts. The sources stay one typed catalogue each; only the build
 * output differs, so tests and typechecks are unaffected.
 *
 * main.tsx waits for the English tables of the catalogues in the first download before rendering; a
 * component whose catalogue came later suspends in useMessages until its table is in. (Not a top-level
 * await in each catalogue module: rolldown then splits the views into many more small chunks, which
 * cost more than the tables save.)
 *
 * An English table that uses anything but its module's imports (a local helper, a constant) stays where it
 * is, with a build warning: moving it would cut it off from its scope.
 */
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const PREFIX = 'virtual:locale-en/';
const GLOBALS = new Set(['undefined', 'String', 'Number', 'Math', 'Intl', 'Array', 'Object', 'JSON', 'Date', 'Boolean', 'NaN', 'Infinity']);

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'start' || key === 'end') continue;
    if (Array.isArray(value)) for (const v of value) if (isNode(v)) out.push(v);
    if (isNode(value)) out.push(value);
  }
  return out;
}

/** Names a pattern binds (a parameter, a declaration). */
function boundBy(pattern: Node | null | undefined, into: Set<string>): void {
  if (!pattern) return;
  if (pattern.type === 'Identifier') into.add(pattern.name as string);
  else if (pattern.type === 'ObjectPattern') for (const p of pattern.properties as Node[]) boundBy((p.type === 'RestElement' ? p.argument : p.value) as Node, into);
  else if (pattern.type === 'ArrayPattern') for (const p of pattern.elements as Array<Node | null>) boundBy(p, into);
  else if (pattern.type === 'AssignmentPattern') boundBy(pattern.left as Node, into);
  else if (pattern.type === 'RestElement') boundBy(pattern.argument as Node, into);
}

/** The identifiers an expression reads from outside itself. */
function freeNames(node: Node, bound: ReadonlySet<string>, into: Set<string>): void {
  switch (node.type) {
    case 'Identifier':
      if (!bound.has(node.name as string)) into.add(node.name as string);
      return;
    case 'Property':
      if (node.computed) freeNames(node.key as Node, bound, into);
      freeNames(node.value as Node, bound, into);
      return;
    case 'MemberExpression':
      freeNames(node.object as Node, bound, into);
      if (node.computed) freeNames(node.property as Node, bound, into);
      return;
    case 'ArrowFunctionExpression':
    case 'FunctionExpression': {
      const inner = new Set(bound);
      for (const p of node.params as Node[]) boundBy(p, inner);
      // Declarations anywhere in the body count as bound (close enough for message functions).
      const declare = (n: Node) => {
        if (n.type === 'VariableDeclarator') boundBy(n.id as Node, inner);
        if (n.type === 'FunctionDeclaration' && isNode(n.id)) inner.add(n.id.name as string);
        for (const c of children(n)) if (c.type !== 'ArrowFunctionExpression' && c.type !== 'FunctionExpression') declare(c);
      };
      declare(node.body as Node);
      for (const p of node.params as Node[]) if (p.type === 'AssignmentPattern') freeNames(p.right as Node, inner, into);
      freeNames(node.body as Node, inner, into);
      return;
    }
    default:
      for (const c of children(node)) freeNames(c, bound, into);
  }
}

export function localeSplit(options: { srcDir: string; localeTables: string }): Plugin {
  const tables = new Map<string, string>(); // virtual id → module text
  return {
    name: 'locale-split',
    apply: 'build',
    // After TypeScript and JSX are compiled away: the English table is copied as plain JavaScript.
    enforce: 'post',
    resolveId(source) {
      return source.startsWith(PREFIX) ? `\0${source}` : null;
    },
    load(id) {
      return id.startsWith(`\0${PREFIX}`) ? (tables.get(id.slice(1)) ?? null) : null;
    },
    transform(code, id) {
      if (!id.startsWith(options.srcDir) || !/\.tsx?$/.test(id) || !code.includes('defineMessages(')) return null;
      const program = this.parse(code) as unknown as Node;
      const imports = (program.body as Node[]).filter((n) => n.type === 'ImportDeclaration' && (n.specifiers as Node[]).length > 0);
      const imported = new Set(imports.flatMap((n) => (n.specifiers as Node[]).map((s) => (s.local as Node).name as string)));
      // The English module gets the same imports (unused ones are tree-shaken), with absolute paths.
      const importText = imports
        .map((n) => {
          const source = (n.source as Node).value as string;
          const absolute = source.startsWith('.') ? resolve(dirname(id), source) : source;
          return `${code.slice(n.start, (n.source as Node).start)}${JSON.stringify(absolute)};`;
        })
        .join('\n');

      const edits: Array<{ start: number; end: number; text: string }> = [];
      const visit = (node: Node) => {
        const arg = (node.arguments as Node[] | undefined)?.[0];
        const callee = node.callee as Node | undefined;
        if (node.type === 'CallExpression' && callee?.type === 'Identifier' && callee.name === 'defineMessages' && arg?.type === 'ObjectExpression') {
          const en = (arg.properties as Node[]).find((p) => p.type === 'Property' && !p.computed && ((p.key as Node).name ?? (p.key as Node).value) === 'en');
          if (en) {
            const value = en.value as Node;
            const free = new Set<string>();
            freeNames(value, new Set(), free);
            const outside = [...free].filter((name) => !imported.has(name) && !GLOBALS.has(name));
            if (outside.length > 0) {
              this.warn(`${id}: its English table uses ${outside.join(', ')}, not only imports: left in place`);
            } else {
              const virtual = `${PREFIX}${edits.length}${id}`;
              tables.set(virtual, `${importText}\nexport default ${code.slice(value.start, value.end)};\n`);
              edits.push({ start: value.start, end: value.end, text: 'null' });
              edits.push({ start: node.start, end: node.start, text: '__splitCatalogue(' });
              edits.push({ start: node.end, end: node.end, text: `, () => import(${JSON.stringify(virtual)}))` });
            }
          }
        }
        for (const c of children(node)) visit(c);
      };
      visit(program);
      if (edits.length === 0) return null;

      let out = code;
      // From the end, so earlier offsets stay valid.
      for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      return { code: `import { splitCatalogue as __splitCatalogue } from ${JSON.stringify(options.localeTables)};\n${out}`, map: null };
    },
  };
}
