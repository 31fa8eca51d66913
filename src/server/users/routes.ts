import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noContent } from '../../contract/common.ts';
import {
  apiTokenList,
  createTokenBody,
  createUserBody,
  createdApiToken,
  tokenIdParams,
  updateUserBody,
  user,
  userIdParams,
  userList,
  userWithPassword,
} from '../../contract/users.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import {
  addUser,
  allUsers,
  changeUser,
  createApiToken,
  ownApiTokens,
  resetPassword,
  revokeOwnApiToken,
} from './service.ts';

export const userRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['users'];
  const admin = { access: { kind: 'system_admin' } } as const;
  const signedIn = { access: { kind: 'signed_in' } } as const;

  app.get(
    '/api/users',
    { config: admin, schema: { tags, response: { 200: userList } } },
    async () => allUsers(db),
  );

  app.post(
    '/api/users',
    { config: admin, schema: { tags, body: createUserBody, response: { 201: userWithPassword } } },
    async (request, reply) =>
      reply.code(201).send(await addUser(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/users/:userId',
    {
      config: admin,
      schema: { tags, params: userIdParams, body: updateUserBody, response: { 200: user } },
    },
    async (request) => changeUser(db, actorOf(request), request.params.userId, request.body),
  );

  app.post(
    '/api/users/:userId/password-reset',
    { config: admin, schema: { tags, params: userIdParams, response: { 200: userWithPassword } } },
    async (request) => resetPassword(db, actorOf(request), request.params.userId),
  );

  app.get(
    '/api/tokens',
    { config: signedIn, schema: { tags, response: { 200: apiTokenList } } },
    async (request) => ownApiTokens(db, actorOf(request)),
  );

  app.post(
    '/api/tokens',
    {
      config: signedIn,
      schema: { tags, body: createTokenBody, response: { 201: createdApiToken } },
    },
    async (request, reply) =>
      reply.code(201).send(await createApiToken(db, actorOf(request), request.body)),
  );

  app.delete(
    '/api/tokens/:tokenId',
    { config: signedIn, schema: { tags, params: tokenIdParams, response: { 204: noContent } } },
    async (request, reply) => {
      await revokeOwnApiToken(db, actorOf(request), request.params.tokenId);
      return reply.code(204).send(null);
    },
  );
};
