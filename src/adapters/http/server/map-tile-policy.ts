import type { FastifyInstance } from 'fastify';

/**
 * With base map tiles configured, the pages of this plugin may load images from the tile server too (the
 * Content-Security-Policy of build-http-server.ts allows only 'self'). Leaflet draws tiles as <img>.
 */
export function allowMapTiles(app: FastifyInstance, tileUrl: string | null): void {
  if (tileUrl === null) return;
  const origin = new URL(tileUrl.replace(/\{[a-z]\}/g, '0')).origin;
  app.addHook('onSend', async (_request, reply, payload) => {
    const policy = reply.getHeader('content-security-policy');
    if (typeof policy === 'string')
      reply.header('content-security-policy', policy.replace("img-src 'self'", `img-src 'self' ${origin}`));
    return payload;
  });
}
