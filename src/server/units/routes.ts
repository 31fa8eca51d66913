import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createFacilityBody,
  createUnitBody,
  facility,
  facilityIdParams,
  facilityList,
  facilityQuery,
  unit,
  unitIdParams,
  unitList,
  updateFacilityBody,
  updateUnitBody,
} from '../../contract/units.ts';
import type { Db } from '../db/schema.ts';
import { actorOf } from '../http/actor.ts';
import {
  allUnits,
  changeFacility,
  changeUnit,
  createFacility,
  createUnit,
  facilitiesOf,
} from './service.ts';

export const unitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const tags = ['units'];
  const admin = { access: { kind: 'system_admin' } } as const;

  app.get(
    '/api/units',
    { config: { access: { kind: 'signed_in' } }, schema: { tags, response: { 200: unitList } } },
    async () => allUnits(db),
  );

  app.post(
    '/api/units',
    { config: admin, schema: { tags, body: createUnitBody, response: { 201: unit } } },
    async (request, reply) =>
      reply.code(201).send(await createUnit(db, actorOf(request), request.body)),
  );

  app.patch(
    '/api/units/:unitId',
    {
      config: admin,
      schema: { tags, params: unitIdParams, body: updateUnitBody, response: { 200: unit } },
    },
    async (request) => changeUnit(db, actorOf(request), request.params.unitId, request.body),
  );

  app.get(
    '/api/facilities',
    {
      config: { access: { kind: 'signed_in' } },
      schema: { tags, querystring: facilityQuery, response: { 200: facilityList } },
    },
    async (request) => facilitiesOf(db, request.query.unitId),
  );

  app.post(
    '/api/units/:unitId/facilities',
    {
      config: admin,
      schema: { tags, params: unitIdParams, body: createFacilityBody, response: { 201: facility } },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createFacility(db, actorOf(request), request.params.unitId, request.body)),
  );

  app.patch(
    '/api/facilities/:facilityId',
    {
      config: admin,
      schema: {
        tags,
        params: facilityIdParams,
        body: updateFacilityBody,
        response: { 200: facility },
      },
    },
    async (request) =>
      changeFacility(db, actorOf(request), request.params.facilityId, request.body),
  );
};
