import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { listApiTokens, listUsers } from './repository.ts';
import {
  createTokenBody,
  createUserBody,
  tokenIdParams,
  updateUserBody,
  userIdParams,
} from '../../contract/users.ts';
import {
  changeUser,
  createApiToken,
  presentApiToken,
  createUser,
  presentUser,
  resetPassword,
  revokeOwnApiToken,
} from './service.ts';

export const userRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['users'];

  app.get(
    '/api/users',
    { config: { access: { kind: 'system_admin' } }, schema: { tags } },
    async () => ({
      items: (await listUsers(db)).map(presentUser),
    }),
  );

  app.post(
    '/api/users',
    { config: { access: { kind: 'system_admin' } }, schema: { tags, body: createUserBody } },
    async (request, reply) => {
      const { user, oneTimePassword } = await createUser(db, request.actor!, request.body);
      return reply.code(201).send({ ...presentUser(user), oneTimePassword });
    },
  );

  app.patch(
    '/api/users/:userId',
    {
      config: { access: { kind: 'system_admin' } },
      schema: { tags, params: userIdParams, body: updateUserBody },
    },
    async (request) =>
      presentUser(await changeUser(db, request.actor!, request.params.userId, request.body)),
  );

  app.post(
    '/api/users/:userId/password-reset',
    { config: { access: { kind: 'system_admin' } }, schema: { tags, params: userIdParams } },
    async (request) => {
      const { user, oneTimePassword } = await resetPassword(
        db,
        request.actor!,
        request.params.userId,
      );
      return { ...presentUser(user), oneTimePassword };
    },
  );

  app.get(
    '/api/tokens',
    { config: { access: { kind: 'signed_in' } }, schema: { tags } },
    async (request) => ({
      items: (await listApiTokens(db, request.actor!.userId!)).map(presentApiToken),
    }),
  );

  app.post(
    '/api/tokens',
    { config: { access: { kind: 'signed_in' } }, schema: { tags, body: createTokenBody } },
    async (request, reply) =>
      reply.code(201).send(await createApiToken(db, request.actor!, request.body)),
  );

  app.delete(
    '/api/tokens/:tokenId',
    { config: { access: { kind: 'signed_in' } }, schema: { tags, params: tokenIdParams } },
    async (request, reply) => {
      await revokeOwnApiToken(db, request.actor!, request.params.tokenId);
      return reply.code(204).send();
    },
  );
};
