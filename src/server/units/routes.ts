import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/schema.ts';
import { listFacilities, listUnits } from './repository.ts';
import {
  createFacilityBody,
  createUnitBody,
  facilityIdParams,
  facilityQuery,
  unitIdParams,
  updateFacilityBody,
  updateUnitBody,
} from '../../contract/units.ts';
import {
  changeFacility,
  changeUnit,
  createFacility,
  createUnit,
  presentFacility,
  presentUnit,
} from './service.ts';

export const unitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['units'];

  app.get(
    '/api/units',
    { config: { access: { kind: 'signed_in' } }, schema: { tags } },
    async () => ({
      items: (await listUnits(db)).map(presentUnit),
    }),
  );

  app.post(
    '/api/units',
    { config: { access: { kind: 'system_admin' } }, schema: { tags, body: createUnitBody } },
    async (request, reply) =>
      reply.code(201).send(presentUnit(await createUnit(db, request.actor!, request.body))),
  );

  app.patch(
    '/api/units/:unitId',
    {
      config: { access: { kind: 'system_admin' } },
      schema: { tags, params: unitIdParams, body: updateUnitBody },
    },
    async (request) =>
      presentUnit(await changeUnit(db, request.actor!, request.params.unitId, request.body)),
  );

  app.get(
    '/api/facilities',
    { config: { access: { kind: 'signed_in' } }, schema: { tags, querystring: facilityQuery } },
    async (request) => ({
      items: (await listFacilities(db, request.query.unitId)).map(presentFacility),
    }),
  );

  app.post(
    '/api/units/:unitId/facilities',
    {
      config: { access: { kind: 'system_admin' } },
      schema: { tags, params: unitIdParams, body: createFacilityBody },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          presentFacility(
            await createFacility(db, request.actor!, request.params.unitId, request.body),
          ),
        ),
  );

  app.patch(
    '/api/facilities/:facilityId',
    {
      config: { access: { kind: 'system_admin' } },
      schema: { tags, params: facilityIdParams, body: updateFacilityBody },
    },
    async (request) =>
      presentFacility(
        await changeFacility(db, request.actor!, request.params.facilityId, request.body),
      ),
  );
};
