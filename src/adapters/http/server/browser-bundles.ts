import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

/** The browser code's sources (src/web/); the bundles exist in memory only, under the URLs they are served at. */
const WEB_ROOT = fileURLToPath(new URL('../../../web/', import.meta.url));

/** h3-js's browser build, served as it is under /static/vendor/h3/ (build-http-server.ts): minifying it each start would cost half a second. */
const H3_URL = '/static/vendor/h3/h3-js.es.js';

/** How the page loads the script: a classic `<script defer>` (page-layout.ts) or `<script type="module">` (the app). */
type ScriptKind = 'classic' | 'module';

interface Entry {
  readonly url: `/${string}.js`;
  /** Under src/web/. */
  readonly source: string;
  readonly kind: ScriptKind;
}

/** One entry point per page script. */
const ENTRIES: readonly Entry[] = [
  { url: '/static/plein/console.js', source: 'plein/console/console.ts', kind: 'classic' },
  { url: '/static/plein/action-page.js', source: 'plein/action-page/action-page.ts', kind: 'classic' },
  { url: '/static/plein/passkey.js', source: 'plein/passkey.ts', kind: 'classic' },
  { url: '/static/plein/session.js', source: 'plein/session/session-expiry.ts', kind: 'classic' },
  { url: '/static/burgernetmail/compose.js', source: 'burgernetmail/compose.ts', kind: 'classic' },
  { url: '/static/burgernetmail/send-confirm.js', source: 'burgernetmail/send-confirm.ts', kind: 'classic' },
  { url: '/static/dashboard/dashboard-map.js', source: 'dashboard/dashboard-map.ts', kind: 'classic' },
  { url: '/static/relatiebeheer/import-progress.js', source: 'relatiebeheer/import-progress.ts', kind: 'classic' },
  { url: '/static/site/focus-errors.js', source: 'site/focus-errors.ts', kind: 'classic' },
  { url: '/static/app/app.js', source: 'app/app.ts', kind: 'module' },
  { url: '/static/app/action-page.js', source: 'app/action-page.ts', kind: 'module' },
  // The records the service worker keeps, readable by a page as a module (the browser tests read them so).
  { url: '/static/app/notified-actions.js', source: 'app/notified-actions.ts', kind: 'module' },
  // A classic worker script: module service workers are not in every browser yet.
  { url: '/app/sw.js', source: 'app/service-worker.ts', kind: 'classic' },
];

const COMMON: BuildOptions = {
  absWorkingDir: WEB_ROOT,
  outdir: WEB_ROOT,
  bundle: true,
  write: false,
  minify: true,
  sourcemap: 'linked',
  target: 'es2022',
  charset: 'utf8',
  logLevel: 'silent',
};

/** `import … from 'h3-js'` (typed by the package) loads the vendor file at run time instead of bundling it. */
const h3FromVendor: Plugin = {
  name: 'h3-from-vendor',
  setup(b) {
    b.onResolve({ filter: /^h3-js$/ }, () => ({ path: H3_URL, external: true }));
  },
};

export interface BundleFile {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
}

/** Every bundle and its source map, by the URL path it is served at. */
export type BrowserBundles = ReadonlyMap<string, BundleFile>;

async function buildBrowserBundles(): Promise<BrowserBundles> {
  const files = new Map<string, BundleFile>();
  const runs = (['classic', 'module'] as const).map(async (kind) => {
    const entries = ENTRIES.filter((e) => e.kind === kind);
    const result = await build({
      ...COMMON,
      entryPoints: entries.map((e) => ({ in: e.source, out: e.url.slice(1, -'.js'.length) })),
      format: kind === 'module' ? 'esm' : 'iife',
      plugins: kind === 'module' ? [h3FromVendor] : [],
    });
    for (const output of result.outputFiles ?? []) {
      const url = `/${relative(WEB_ROOT, output.path).split('\\').join('/')}`;
      const body = Buffer.from(output.contents);
      files.set(url, {
        body,
        contentType: url.endsWith('.map') ? 'application/json; charset=utf-8' : 'text/javascript; charset=utf-8',
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      });
    }
  });
  await Promise.all(runs);
  return files;
}

let built: Promise<BrowserBundles> | undefined;

/**
 * The page scripts, bundled from src/web/ with esbuild. Built once per process (at the first app's start): the
 * sources do not change while it runs, and the tests build many apps. A source that does not build stops the start.
 */
export function browserBundles(logger: Pick<Logger, 'info'>): Promise<BrowserBundles> {
  if (built === undefined) {
    const started = performance.now();
    built = buildBrowserBundles().then((files) => {
      logger.info({ files: files.size, durationMs: Math.round(performance.now() - started) }, 'browser bundles built');
      return files;
    });
  }
  return built;
}

/** Sends a bundle with its ETag, or 304 when the browser has it already. */
export function sendBundleFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: BundleFile,
  cacheControl: string,
): FastifyReply {
  reply.header('etag', file.etag).header('cache-control', cacheControl);
  const ifNoneMatch = request.headers['if-none-match'];
  if (
    ifNoneMatch !== undefined &&
    ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === file.etag || tag.trim() === '*')
  ) {
    return reply.code(304).send();
  }
  return reply.type(file.contentType).send(file.body);
}

/** Like the other files under /static/: cached for an hour, then revalidated by ETag. */
const STATIC_CACHE_CONTROL = 'public, max-age=3600';

/** Serves the bundles under /static/ (the service worker is served by the app's pages, at its scope). */
export function browserBundleRoutes(bundles: BrowserBundles): FastifyPluginAsync {
  return async (app) => {
    for (const [url, file] of bundles) {
      if (!url.startsWith('/static/')) continue;
      app.get(url, { schema: { hide: true } }, async (request, reply) =>
        sendBundleFile(request, reply, file, STATIC_CACHE_CONTROL),
      );
    }
  };
}

/** The app's service worker and its source map, served by the app's pages. */
export function serviceWorkerFiles(bundles: BrowserBundles): {
  readonly script: BundleFile;
  readonly sourceMap: BundleFile;
} {
  const script = bundles.get('/app/sw.js');
  const sourceMap = bundles.get('/app/sw.js.map');
  if (script === undefined || sourceMap === undefined) throw new Error('The service worker was not bundled');
  return { script, sourceMap };
}
