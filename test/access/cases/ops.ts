import type { RouteCases } from '../types.ts';

// Unless METRICS_PUBLIC=true (not set in tests), metrics are for system administrators only.
export const cases: RouteCases = {
  'GET /metrics': { who: 'system_admin' },
};
