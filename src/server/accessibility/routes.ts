import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accessibilitySettings } from '../../contract/accessibility.ts';

/** The accessibility statement is public: anyone must be able to read it and report a problem. */
export const accessibilityRoutes: FastifyPluginAsyncZod<{ contact: string | null }> = async (
  app,
  { contact },
) => {
  app.get(
    '/api/accessibility',
    {
      config: { access: { kind: 'public' } },
      schema: { tags: ['accessibility'], response: { 200: accessibilitySettings } },
    },
    async () => ({ contactEmail: contact }),
  );
};
