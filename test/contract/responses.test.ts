import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { declaredRoutes } from '../../src/server/http/guard.ts';
import { type TestApp, startTestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

for (const dialect of testDialects()) {
  describe(`the declared contract on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(dialect);
    });
    after(() => t.close());

    it('gives every route a response schema', () => {
      const undeclared = declaredRoutes(t.app)
        .filter((route) => !route.url.startsWith('/api/docs') && !route.declaresResponse)
        .map((route) => `${route.method} ${route.url}`);
      assert.deepEqual(undeclared, []);
    });

    it('describes every declared answer in the OpenAPI document', async () => {
      const document = (await t.anonymous().get('/api/openapi.json')).json() as {
        paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
      };
      const declared = declaredRoutes(t.app).filter(
        (route) => route.url.startsWith('/api/') && route.declaresResponse,
      );
      assert.ok(declared.length > 0);
      for (const route of declared) {
        const path = route.url.replace(/:(\w+)/g, '{$1}');
        const operation = document.paths[path]?.[route.method.toLowerCase()];
        assert.ok(operation?.responses, `${route.method} ${route.url} has no responses in OpenAPI`);
      }
    });
  });
}
