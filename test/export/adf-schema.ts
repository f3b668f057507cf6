/**
 * Atlassian's own ADF JSON schema, as a validator. The schema declares draft-04, but it uses none of the
 * keywords whose meaning changed after draft-04 (no boolean exclusiveMinimum/Maximum, `id` only as a
 * property name), so Ajv 8's default draft validates it with the same result; the `$schema` line is
 * dropped because Ajv 8 does not ship the draft-04 meta-schema.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';

const fullSchema = JSON.parse(
  readFileSync(require.resolve('@atlaskit/adf-schema/dist/json-schema/v1/full.json'), 'utf8'),
) as Record<string, unknown>;
const { $schema: _draft04, ...schema } = fullSchema;
// Not allErrors: with it Ajv walks every branch of the schema's many anyOfs, and a demo-sized document
// takes seconds instead of milliseconds. The first error is enough to fail a test.
const validate = new Ajv({ strictTuples: false }).compile(schema);

/** The validation errors, or an empty list for a valid ADF document. */
export function adfErrors(doc: unknown): string[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message}`);
}

type Node = { type: string; text?: string; marks?: Array<{ type: string; attrs?: { href?: string } }>; content?: Node[] };

/** Every node of the document, depth first. */
export function allNodes(node: Node): Node[] {
  return [node, ...(node.content ?? []).flatMap(allNodes)];
}

export function allText(doc: unknown): string[] {
  return allNodes(doc as Node)
    .filter((n) => n.type === 'text')
    .map((n) => n.text as string);
}

export function linkHrefs(doc: unknown): string[] {
  return allNodes(doc as Node).flatMap((n) => (n.marks ?? []).filter((m) => m.type === 'link').map((m) => m.attrs?.href as string));
}
