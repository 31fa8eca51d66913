import type { RouteCases } from '../types.ts';

// Metrics answer only the scraper's token (METRICS_TOKEN_SHA256, not set here); no session or API
// token of any user, administrators included, opens them.
export const cases: RouteCases = {
  'GET /metrics': { who: 'scraper' },
};
