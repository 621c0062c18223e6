import type { FastifyReply } from 'fastify';
import type { DashboardError } from '../../../app/dashboard/dashboard-deps.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { PROBLEM_CONTENT_TYPE, problem } from '../problem.js';

export function dashboardStatusOf(error: DashboardError): number {
  switch (error.code) {
    case 'dashboard.unknown-gemeente':
    case 'campaign.not-found':
      return 404;
    case 'dashboard.out-of-scope':
      return 403;
    case 'dashboard.invalid-period':
      return 422;
  }
}

export function sendDashboardError(reply: FastifyReply, catalogue: Catalogue, error: DashboardError): FastifyReply {
  const extra = error.code === 'dashboard.invalid-period' ? { problem: error.problem, detail: catalogue.dashboard.periodProblems[error.problem] } : {};
  const body = problem(catalogue, error.code, dashboardStatusOf(error), extra);
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}
