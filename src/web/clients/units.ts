// Units and their facilities (src/server/units/).
import type { Facility, Unit } from '../../contract/units.ts';
import { type Body, request } from '../api.ts';

export const unitsApi = {
  list: () => request<{ items: Unit[] }>('GET', '/api/units'),
  facilities: () => request<{ items: Facility[] }>('GET', '/api/facilities'),
  create: (body: Body) => request<Unit>('POST', '/api/units', body),
  update: (id: number, body: Body) => request<Unit>('PATCH', `/api/units/${id}`, body),
  createFacility: (unitId: number, body: Body) =>
    request<Facility>('POST', `/api/units/${unitId}/facilities`, body),
  updateFacility: (id: number, body: Body) =>
    request<Facility>('PATCH', `/api/facilities/${id}`, body),
};
