import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isConflictingWrite } from '../db/constraint-errors.ts';
import { AppError, errors } from '../errors.ts';

interface ErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

const databaseDownCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

/** Turns every thrown error into `{ error, message, details }`; a 500 never shows internals. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toResponse(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  if (body.error === 'too_many_requests') {
    reply.header(
      'retry-after',
      String((body.details as { retryAfterSeconds: number }).retryAfterSeconds),
    );
  }
  return reply.code(status).send(body);
}

function toResponse(error: FastifyError): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: error.code, message: error.message, details: error.details },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((issue) => ({
      field: fieldName(issue.instancePath, error.validationContext),
      message: issue.message,
    }));
    const first = fields[0];
    const message = first ? `${first.field}: ${first.message}` : 'Ogiltig begäran.';
    return { status: 400, body: { error: 'validation_failed', message, details: { fields } } };
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return simple(413, 'payload_too_large', 'Innehållet är för stort.');
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return simple(415, 'unsupported_media_type', 'Innehållstypen stöds inte; skicka JSON.');
  }
  if (
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
  ) {
    return simple(400, 'bad_request', 'Innehållet är inte giltig JSON.');
  }
  if (error.statusCode === 400 && error instanceof SyntaxError) {
    return simple(400, 'bad_request', 'Innehållet är inte giltig JSON.');
  }
  if (isConflictingWrite(error)) {
    const duplicate = errors.concurrentDuplicate();
    return { status: 409, body: { error: duplicate.code, message: duplicate.message } };
  }
  if (isDatabaseDown(error)) {
    const unavailable = errors.unavailable();
    return { status: 503, body: { error: unavailable.code, message: unavailable.message } };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return simple(error.statusCode, 'bad_request', 'Ogiltig begäran.');
  }
  return simple(500, 'internal', 'Ett oväntat fel inträffade. Felet är loggat; försök igen.');
}

function simple(status: number, error: string, message: string) {
  return { status, body: { error, message } };
}

function fieldName(instancePath: string, context: string | undefined): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return path || context || 'body';
}

function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && databaseDownCodes.has(code)) return true;
  const message = (error as { message?: unknown }).message;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect/i.test(message)
  );
}
