/**
 * Checks an exported page against Atlassian's ADF JSON schema, so an export that Confluence would refuse
 * fails here too. The schema says draft-04 but uses no keyword whose meaning changed since, so Ajv's
 * default draft reads it the same (its `$schema` line is dropped: Ajv 8 has no draft-04 meta-schema).
 */
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';

let validate: ValidateFunction | undefined;

export function adfErrors(doc: unknown): string[] {
  if (!validate) {
    const schema = JSON.parse(readFileSync(require.resolve('@atlaskit/adf-schema/dist/json-schema/v1/full.json'), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    validate = new Ajv({ strictTuples: false, strict: false }).compile(schema);
  }
  if (validate(doc)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}
