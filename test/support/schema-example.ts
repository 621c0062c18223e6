import type { JsonSchema } from './openapi-operations.js';

/** What a hint returns to leave a property out of the example. */
export const OMIT: unique symbol = Symbol('omit');

/**
 * A value for the field at `path` where the schema alone cannot give a valid one (a phone number, a postcode, the
 * id of a real object), OMIT to leave it out, or undefined to let the schema decide.
 */
export type Hint = (name: string, schema: JsonSchema, path: readonly string[]) => unknown;

/** Strings tried, in order, against a pattern the example must match. */
const PATTERN_CANDIDATES = ['Fuzztekst', 'RE05', 'GM0363', '08:00', 'A', 'action.created', '0a1b2c', '1012 AB'];

function stringExample(schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'date-time':
      return new Date().toISOString();
    case 'date':
      return new Date().toISOString().slice(0, 10);
    case 'email':
      return 'fuzz@example.nl';
    case 'uri':
      return 'https://example.nl/';
    default:
      break;
  }
  const fits = (s: string) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity);
  if (schema.pattern !== undefined) {
    const pattern = new RegExp(schema.pattern, 'u');
    const match = PATTERN_CANDIDATES.find((s) => pattern.test(s) && fits(s));
    if (match !== undefined) return match;
  }
  return 'Fuzztekst'.padEnd(schema.minLength ?? 0, 'x').slice(0, schema.maxLength ?? Infinity);
}

function numberExample(schema: JsonSchema): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum === undefined ? 1 : schema.exclusiveMinimum + 1);
  return Math.min(Math.max(low, 1), schema.maximum ?? Infinity);
}

/** A value the schema accepts (as far as a schema can tell), with every optional property filled in. */
export function exampleOf(schema: JsonSchema, hint: Hint, path: readonly string[] = []): unknown {
  const hinted = hint(path.at(-1) ?? '', schema, path);
  if (hinted !== undefined) return hinted;
  if (schema.enum !== undefined) return schema.enum[0];
  if (schema.oneOf !== undefined) return exampleOf(schema.oneOf[0]!, hint, path);
  if (schema.anyOf !== undefined)
    return exampleOf(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!, hint, path);
  switch (schema.type) {
    case 'object': {
      const example: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        const value = exampleOf(child, hint, [...path, key]);
        if (value !== OMIT) example[key] = value;
      }
      return example;
    }
    case 'array': {
      if (schema.prefixItems !== undefined)
        return schema.prefixItems.map((s, i) => exampleOf(s, hint, [...path, String(i)]));
      const items = schema.items === false || schema.items === undefined ? {} : schema.items;
      const length = Math.max(1, schema.minItems ?? 0);
      return Array.from({ length }, (_, i) => exampleOf(items, hint, [...path, String(i)]));
    }
    case 'string':
      return stringExample(schema);
    case 'integer':
    case 'number':
      return numberExample(schema);
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return 'Fuzztekst';
  }
}

function resolved(schema: JsonSchema): JsonSchema {
  if (schema.oneOf !== undefined) return resolved(schema.oneOf[0]!);
  if (schema.anyOf !== undefined) return resolved(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!);
  return schema;
}

/** The schema of the value at `path` (as exampleOf chose among alternatives), or null. */
export function schemaAt(schema: JsonSchema, path: readonly string[]): JsonSchema | null {
  let node: JsonSchema | undefined = schema;
  for (const key of path) {
    if (node === undefined) return null;
    const s = resolved(node);
    node = s.properties?.[key] ?? s.prefixItems?.[Number(key)] ?? (s.items === false ? undefined : s.items);
  }
  return node === undefined ? null : resolved(node);
}

/**
 * Values on and just past the schema's edges: the least and the most it allows and one beyond, the longest text
 * (also in characters of two UTF-16 units), the first and last dates, the most items. `example` is a valid value.
 */
export function edgeValues(schema: JsonSchema, example: unknown): unknown[] {
  const values: unknown[] = [];
  if (schema.type === 'integer' || schema.type === 'number') {
    if (schema.minimum !== undefined) values.push(schema.minimum, schema.minimum - 1);
    if (schema.maximum !== undefined) values.push(schema.maximum, schema.maximum + 1);
    if (schema.type === 'integer') values.push(numberExample(schema) + 0.5);
  }
  if (schema.type === 'string') {
    if (schema.maxLength !== undefined && schema.pattern === undefined && schema.format === undefined)
      values.push('x'.repeat(schema.maxLength), '🚨'.repeat(Math.ceil(schema.maxLength / 2)));
    if (schema.maxLength !== undefined) values.push('x'.repeat(schema.maxLength + 1));
    if ((schema.minLength ?? 0) > 0) values.push('x'.repeat(schema.minLength! - 1));
    if (schema.format === 'date') values.push('0001-01-01', '9999-12-31', '2024-02-29');
    if (schema.format === 'date-time')
      values.push('0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-03-29T02:30:00+02:00');
    if (schema.format === 'uuid')
      values.push('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff');
  }
  if (schema.type === 'array' && Array.isArray(example) && example.length > 0) {
    const most = schema.maxItems;
    if (most !== undefined) values.push(Array(most).fill(example[0]), Array(most + 1).fill(example[0]));
  }
  return values;
}
