import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileResponse, noContent } from '../../contract/common.ts';
import { eventIdParams } from '../../contract/events.ts';
import {
  decisionFileParams,
  decisionFilesParams,
  fileListQuery,
  filePage as filePageSchema,
  fileParams,
  fileUploadQuery,
  logEntryFileParams,
  logEntryFilesParams,
  situationFileParams,
  situationFilesParams,
  storedFile,
} from '../../contract/files.ts';
import type { Db } from '../db/schema.ts';
import { AppError, errors } from '../errors.ts';
import { actorOf } from '../http/actor.ts';
import { attachmentDisposition } from '../http/csv.ts';
import { handleError } from '../http/error-handler.ts';
import {
  type FileContent,
  type OwnerTarget,
  fileContent,
  filePage,
  fileTooLarge,
  removeFile,
  uploadFile,
} from './service.ts';

function notOctetStream(): AppError {
  return new AppError(
    'unsupported_media_type',
    'Skicka filen som application/octet-stream; vilken sorts fil det är läses ur innehållet.',
    { field: 'file' },
  );
}

/** A stored file as a download the browser never renders nor a shared cache keeps. */
function sendFile(reply: FastifyReply, file: FileContent) {
  return reply
    .header('content-disposition', attachmentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .type(file.contentType)
    .send(file.bytes);
}

/**
 * Files on the picture. An upload sends the bytes as the body, whatever its content type (the
 * kind is read from the bytes), with the name in the query; each owner has its own upload and
 * removal routes, so that each declares the permission of the record it belongs to.
 */
export const fileRoutes: FastifyPluginAsyncZod<{ db: Db; maxBytes: number }> = async (
  app,
  { db, maxBytes },
) => {
  const tags = ['files'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const library = { kind: 'event', permission: 'library.write' } as const;
  const log = { kind: 'event', permission: 'log.write' } as const;
  const decision = { kind: 'event', permission: 'decision.write' } as const;
  const situation = { kind: 'event', permission: 'situation.write', unitParam: 'unitId' } as const;

  // Raw bytes, or no content type at all; JSON keeps the app's parser and its smaller limit.
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (request, body, done) => {
      const type = request.headers['content-type'];
      if (type !== undefined && !/^application\/octet-stream\b/i.test(type)) {
        done(notOctetStream(), undefined);
        return;
      }
      done(null, body);
    },
  );
  app.setErrorHandler((error: FastifyError, request, reply) =>
    handleError(
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? (fileTooLarge(maxBytes) as unknown as FastifyError)
        : error,
      request,
      reply,
    ),
  );

  const upload = (request: FastifyRequest, eventId: number, target: OwnerTarget) => {
    const query = fileUploadQuery.parse(request.query);
    if (!Buffer.isBuffer(request.body)) {
      throw errors.badRequest('Skicka filens innehåll som application/octet-stream.', {
        field: 'file',
      });
    }
    return uploadFile(db, actorOf(request), eventId, target, {
      name: query.name,
      internal: query.internal === 'true',
      bytes: request.body,
      maxBytes,
    });
  };
  const uploadSchema = { tags, querystring: fileUploadQuery, response: { 201: storedFile } };
  const removeSchema = { tags, response: { 204: noContent } };

  app.get(
    '/api/events/:eventId/files',
    {
      config: { access: read },
      schema: {
        tags,
        params: eventIdParams,
        querystring: fileListQuery,
        response: { 200: filePageSchema },
      },
    },
    async (request) => {
      const { owner, ownerId, limit, offset } = request.query;
      return filePage(
        db,
        request.params.eventId,
        { kind: owner, id: ownerId ?? null },
        { limit, offset },
        request.eventGrants,
        maxBytes,
      );
    },
  );

  app.get(
    '/api/events/:eventId/files/:fileId/content',
    {
      config: { access: read },
      schema: { tags, params: fileParams, response: { 200: fileResponse } },
    },
    async (request, reply) => {
      const file = await fileContent(
        db,
        request.params.eventId,
        request.params.fileId,
        request.eventGrants,
      );
      return sendFile(reply, file);
    },
  );

  app.post(
    '/api/events/:eventId/files',
    {
      config: { access: library },
      schema: { ...uploadSchema, params: eventIdParams },
    },
    async (request, reply) =>
      reply.code(201).send(await upload(request, request.params.eventId, { kind: 'library' })),
  );

  app.post(
    '/api/events/:eventId/log/:entryId/files',
    {
      config: { access: log },
      schema: { ...uploadSchema, params: logEntryFilesParams },
    },
    async (request, reply) =>
      reply.code(201).send(
        await upload(request, request.params.eventId, {
          kind: 'log_entry',
          entryId: request.params.entryId,
        }),
      ),
  );

  app.post(
    '/api/events/:eventId/decisions/:decisionId/files',
    {
      config: { access: decision },
      schema: { ...uploadSchema, params: decisionFilesParams },
    },
    async (request, reply) =>
      reply.code(201).send(
        await upload(request, request.params.eventId, {
          kind: 'decision',
          decisionId: request.params.decisionId,
        }),
      ),
  );

  app.post(
    '/api/events/:eventId/units/:unitId/situations/:period/files',
    {
      config: { access: situation },
      schema: { ...uploadSchema, params: situationFilesParams },
    },
    async (request, reply) =>
      reply.code(201).send(
        await upload(request, request.params.eventId, {
          kind: 'unit_situation',
          unitId: request.params.unitId,
          period: request.params.period,
        }),
      ),
  );

  const remove = async (
    request: FastifyRequest,
    reply: FastifyReply,
    eventId: number,
    target: OwnerTarget,
    fileId: number,
  ) => {
    await removeFile(db, actorOf(request), eventId, target, fileId);
    return reply.code(204).send(null);
  };

  app.delete(
    '/api/events/:eventId/files/:fileId',
    { config: { access: library }, schema: { ...removeSchema, params: fileParams } },
    (request, reply) =>
      remove(request, reply, request.params.eventId, { kind: 'library' }, request.params.fileId),
  );

  app.delete(
    '/api/events/:eventId/log/:entryId/files/:fileId',
    { config: { access: log }, schema: { ...removeSchema, params: logEntryFileParams } },
    (request, reply) =>
      remove(
        request,
        reply,
        request.params.eventId,
        { kind: 'log_entry', entryId: request.params.entryId },
        request.params.fileId,
      ),
  );

  app.delete(
    '/api/events/:eventId/decisions/:decisionId/files/:fileId',
    { config: { access: decision }, schema: { ...removeSchema, params: decisionFileParams } },
    (request, reply) =>
      remove(
        request,
        reply,
        request.params.eventId,
        { kind: 'decision', decisionId: request.params.decisionId },
        request.params.fileId,
      ),
  );

  app.delete(
    '/api/events/:eventId/units/:unitId/situations/:period/files/:fileId',
    { config: { access: situation }, schema: { ...removeSchema, params: situationFileParams } },
    (request, reply) =>
      remove(
        request,
        reply,
        request.params.eventId,
        { kind: 'unit_situation', unitId: request.params.unitId, period: request.params.period },
        request.params.fileId,
      ),
  );
};
