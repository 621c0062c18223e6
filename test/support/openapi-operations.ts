/** The part of JSON Schema the API's OpenAPI document uses (zod's output). */
export interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema | false;
  readonly prefixItems?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly default?: unknown;
}

export interface Parameter {
  readonly name: string;
  readonly required: boolean;
  readonly schema: JsonSchema;
}

/** One method on one path of the OpenAPI document. */
export interface Operation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** OpenAPI form: /api/v1/actions/{id}. */
  readonly path: string;
  /** Fastify form: /api/v1/actions/:id (the key in ROUTE_PERMISSIONS). */
  readonly route: string;
  readonly pathParams: readonly Parameter[];
  readonly queryParams: readonly Parameter[];
  /** The JSON body's schema, or null when the operation takes none (or another media type). */
  readonly body: JsonSchema | null;
  /** Declares `security: []`: no staff credential (the app, the phone's push subscription). */
  readonly anonymous: boolean;
  readonly summary: string;
}

interface OpenApiOperation {
  readonly summary?: string;
  readonly security?: readonly unknown[];
  readonly parameters?: readonly { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  readonly requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Every operation of the API as the running system describes it at /openapi.json. */
export async function readOperations(baseUrl: string): Promise<Operation[]> {
  const response = await fetch(`${baseUrl}/openapi.json`);
  const doc = (await response.json()) as { paths: Record<string, Record<string, OpenApiOperation>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const parameters = op.parameters ?? [];
      const param = (where: string) =>
        parameters
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, required: p.required === true || where === 'path', schema: p.schema }));
      return {
        method: method.toUpperCase() as Operation['method'],
        path,
        route: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams: param('path'),
        queryParams: param('query'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        anonymous: Array.isArray(op.security) && op.security.length === 0,
        summary: op.summary ?? '',
      };
    }),
  );
}

/** The operation's URL with these path and query parameters, each already percent-encoded. */
export function urlOf(
  op: Pick<Operation, 'path'>,
  pathValues: Readonly<Record<string, string>>,
  query: readonly (readonly [string, string])[] = [],
): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => pathValues[name] ?? '');
  return query.length === 0 ? path : `${path}?${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
}
