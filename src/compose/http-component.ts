import type { FastifyInstance } from 'fastify';
import { buildHttpServer } from '../adapters/http/server/build-http-server.js';
import { buildHealthServer } from '../adapters/http/server/health-server.js';
import type { HttpDeps } from '../adapters/http/server/http-deps.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';

export const HTTP_KEYS = ['HOST', 'PORT'] as const;

export interface Http {
  readonly app: FastifyInstance;
  /** Base URL, e.g. http://127.0.0.1:8080; null when not listening (tests that use inject). */
  readonly url: string | null;
}

/**
 * The HTTP API, the pages and the public site: built from every feature's routes, then listening. On a worker
 * node (`workerHealth` given) only its health answers.
 */
export function httpComponent(
  config: Section<typeof HTTP_KEYS>,
  deps: HttpDeps & {
    readonly listen: boolean;
    readonly workerHealth?: (() => { readonly holdsLease: boolean }) | undefined;
  },
): Component<Http> {
  return {
    name: 'http',
    async start() {
      const app =
        deps.workerHealth === undefined ? await buildHttpServer(deps) : await buildHealthServer(deps.workerHealth);
      let url: string | null = null;
      if (deps.listen) {
        await app.listen({ host: config.HOST, port: config.PORT });
        const address = app.server.address();
        url = typeof address === 'object' && address !== null ? `http://${config.HOST}:${address.port}` : null;
      } else {
        await app.ready();
      }
      return { value: { app, url }, stop: () => app.close() };
    },
  };
}
