import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { eventIdParams } from '../../contract/events.ts';
import { listTemplates } from './repository.ts';
import {
  copyTemplateBody,
  createTemplateBody,
  templateParams,
  updateTemplateBody,
} from '../../contract/templates.ts';
import {
  changeTemplate,
  copyTemplate,
  createTemplate,
  loadTemplate,
  presentTemplate,
} from './service.ts';

export const templateRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['templates'];
  const read = { kind: 'event', permission: 'picture.read' } as const;
  const manage = { kind: 'event', permission: 'template.manage' } as const;

  app.get(
    '/api/events/:eventId/templates',
    { config: { access: read }, schema: { tags, params: eventIdParams } },
    async (request) => ({
      items: (await listTemplates(db, request.params.eventId)).map(presentTemplate),
    }),
  );

  app.get(
    '/api/events/:eventId/templates/:templateId',
    { config: { access: read }, schema: { tags, params: templateParams } },
    async (request) =>
      presentTemplate(await loadTemplate(db, request.params.eventId, request.params.templateId)),
  );

  app.post(
    '/api/events/:eventId/templates',
    {
      config: { access: manage },
      schema: { tags, params: eventIdParams, body: createTemplateBody },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          presentTemplate(
            await createTemplate(db, request.actor!, request.params.eventId, request.body),
          ),
        ),
  );

  app.post(
    '/api/events/:eventId/templates/:templateId/copy',
    {
      config: { access: manage },
      schema: { tags, params: templateParams, body: copyTemplateBody },
    },
    async (request, reply) => {
      const { eventId, templateId } = request.params;
      const copy = await copyTemplate(db, request.actor!, eventId, templateId, request.body.name);
      return reply.code(201).send(presentTemplate(copy));
    },
  );

  app.put(
    '/api/events/:eventId/templates/:templateId',
    {
      config: { access: manage },
      schema: { tags, params: templateParams, body: updateTemplateBody },
    },
    async (request) => {
      const { eventId, templateId } = request.params;
      return presentTemplate(
        await changeTemplate(db, request.actor!, eventId, templateId, request.body),
      );
    },
  );
};
