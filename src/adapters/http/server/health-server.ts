import Fastify, { type FastifyInstance } from 'fastify';

/**
 * A worker node's only HTTP: its health for the orchestrator (a load balancer sends no requests here). 200 while
 * the node holds its lease on the work it claims, 503 while it does not (cut off from the database, paused).
 */
export async function buildHealthServer(health: () => { readonly holdsLease: boolean }): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/health', async (_request, reply) => {
    const { holdsLease } = health();
    return reply
      .code(holdsLease ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: holdsLease ? 'ok' : 'lease-lost', role: 'worker' });
  });
  return app;
}
