import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { eventIdParams } from '../../contract/events.ts';
import {
  copyTemplateBody,
  createTemplateBody,
  template,
  templateFile,
  templateList,
  templateParams,
  templatePreview,
  templatePreviewBody,
  updateTemplateBody,
} from '../../contract/templates.ts';
import { actorOf } from '../http/actor.ts';
import {
  changeTemplateAnswer,
  copyTemplateAnswer,
  createTemplateAnswer,
  importTemplateAnswer,
  previewTemplate,
  templateOf,
  templatesOfEvent,
} from './service.ts';

export const templateRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['templates'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const manage = { kind: 'event', permission: 'template.manage' } as const;

  app.get(
    '/api/events/:eventId/templates',
    {
      config: { access: read },
      schema: { tags, params: eventIdParams, response: { 200: templateList } },
    },
    async (request) => templatesOfEvent(db, request.params.eventId),
  );

  app.get(
    '/api/events/:eventId/templates/:templateId',
    {
      config: { access: read },
      schema: { tags, params: templateParams, response: { 200: template } },
    },
    async (request) => templateOf(db, request.params.eventId, request.params.templateId),
  );

  app.post(
    '/api/events/:eventId/templates',
    {
      config: { access: manage },
      schema: {
        tags,
        params: eventIdParams,
        body: createTemplateBody,
        response: { 201: template },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createTemplateAnswer(db, actorOf(request), request.params.eventId, request.body),
        ),
  );

  app.post(
    '/api/events/:eventId/templates/preview',
    {
      config: { access: manage },
      schema: {
        tags,
        params: eventIdParams,
        body: templatePreviewBody,
        response: { 200: templatePreview },
      },
    },
    async (request) =>
      previewTemplate(db, actorOf(request), request.params.eventId, request.body.sections),
  );

  app.post(
    '/api/events/:eventId/templates/import',
    {
      config: { access: manage },
      schema: {
        tags,
        params: eventIdParams,
        body: templateFile,
        response: { 201: template },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await importTemplateAnswer(db, actorOf(request), request.params.eventId, request.body),
        ),
  );

  app.post(
    '/api/events/:eventId/templates/:templateId/copy',
    {
      config: { access: manage },
      schema: {
        tags,
        params: templateParams,
        body: copyTemplateBody,
        response: { 201: template },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await copyTemplateAnswer(db, actorOf(request), request.params, request.body)),
  );

  app.put(
    '/api/events/:eventId/templates/:templateId',
    {
      config: { access: manage },
      schema: {
        tags,
        params: templateParams,
        body: updateTemplateBody,
        response: { 200: template },
      },
    },
    async (request) => changeTemplateAnswer(db, actorOf(request), request.params, request.body),
  );
};
