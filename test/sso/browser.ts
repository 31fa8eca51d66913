import assert from 'node:assert/strict';

/**
 * Just enough of a browser to walk through the provider's pages: a cookie jar, redirects
 * followed by hand, and the development login and consent forms filled in.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();

  async get(url: URL): Promise<Response> {
    return this.remember(await fetch(url, { redirect: 'manual', headers: this.headers() }));
  }

  async post(url: URL, form: Record<string, string>): Promise<Response> {
    return this.remember(
      await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }),
    );
  }

  /**
   * Follows the provider's redirects from `start`, signs in as `accountId` and consents when
   * asked, until the provider sends the browser back to `appOrigin`; returns that URL and the
   * prompts that were shown on the way.
   */
  async untilBackAt(
    appOrigin: string,
    start: URL,
    accountId: string,
  ): Promise<{ url: URL; prompts: string[] }> {
    const prompts: string[] = [];
    let current = start;
    let response = await this.get(current);
    for (let step = 0; step < 12; step += 1) {
      const location = response.headers.get('location');
      if (location) {
        current = new URL(location, current);
        if (current.origin === appOrigin) return { url: current, prompts };
        response = await this.get(current);
        continue;
      }
      const html = await response.text();
      assert.equal(response.status, 200, html.slice(0, 500));
      const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      assert.ok(prompt && action, `no interaction form on ${current.href}`);
      prompts.push(prompt);
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login: accountId, password: 'valfritt' } : { prompt };
      current = new URL(action.replaceAll('&amp;', '&'), current);
      response = await this.post(current, form);
    }
    assert.fail('the provider never sent the browser back to the app');
  }

  /** Confirms the provider's "sign me out?" page and returns where it sends the browser. */
  async confirmLogout(endSessionUrl: URL): Promise<URL> {
    const page = await this.get(endSessionUrl);
    const html = await page.text();
    assert.equal(page.status, 200, html.slice(0, 500));
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(action && xsrf, 'no logout form');
    const confirmed = await this.post(new URL(action, endSessionUrl), { xsrf, logout: 'yes' });
    const location = confirmed.headers.get('location');
    assert.ok(location, `no redirect after logout (${confirmed.status})`);
    return new URL(location, endSessionUrl);
  }

  private headers(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return {
      cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    };
  }

  private remember(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.trim().split('=');
      const expired = attributes.some((attribute) =>
        /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute),
      );
      if (expired) this.cookies.delete(name!);
      else this.cookies.set(name!, value.join('='));
    }
    return response;
  }
}
