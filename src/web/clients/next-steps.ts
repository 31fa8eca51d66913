// What the signed-in person must do next (src/server/next-steps/).
import type { NextSteps } from '../../contract/next-steps.ts';
import { request } from '../api.ts';

export const nextStepsApi = {
  mine: () => request<NextSteps>('GET', '/api/me/next'),
};
