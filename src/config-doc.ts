import { configSchema } from './config.js';

/** docs/config.md: every environment variable with its default and meaning. */
export function configDocument(): string {
  const rows = Object.entries(configSchema.shape).map(([key, schema]) => {
    const parsed = schema.safeParse(undefined);
    const fallback = parsed.success && parsed.data !== undefined ? `\`${defaultText(parsed.data)}\`` : '—';
    return `| \`${key}\` | ${fallback} | ${schema.description ?? ''} |`;
  });
  return [
    '# Configuration',
    '',
    'Burgernet reads these environment variables once at start (`src/config.ts`). A bad value stops the start',
    'and every problem is listed. This page is generated: `npx tsx scripts/config-doc.ts`.',
    '',
    '| variable | default | meaning |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function defaultText(value: unknown): string {
  if (Array.isArray(value)) return value.map(defaultText).join(',');
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}
