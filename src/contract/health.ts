import { z } from 'zod';

/** GET /healthz: the process answers. */
export const liveness = z.object({ status: z.literal('ok') });

/** GET /readyz: the database answers too (503 with a message when it does not). */
export const readiness = z.object({ status: z.literal('ready') });
export const notReady = z.object({ status: z.literal('not_ready'), message: z.string() });

/** GET /api/openapi.json: the OpenAPI document, as the documentation plugin builds it. */
export const openApiDocument = z.record(z.string(), z.unknown());
