// A real `lagesbild serve` process for tests that need several nodes or an outage.
import { type ChildProcess, spawn } from 'node:child_process';
import { testSecretKey } from './secret-key.ts';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export const processAdmin = {
  email: 'admin@lagesbild.local',
  password: 'Driftprovets-lösen-för-noder-2026',
};

export interface ServerProcessOptions {
  /** A bundled server (scripts/bundle-server.ts) run by plain node instead of the sources. */
  entry?: string;
  /** Told about the child as soon as it is spawned, before it listens. */
  onSpawn?: (child: ChildProcess) => void;
}

/** Starts `lagesbild serve` on a free port and resolves once it listens. */
export function startServerProcess(
  extraEnv: Record<string, string>,
  options: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: processAdmin.email,
    ADMIN_PASSWORD: processAdmin.password,
    LAGESBILD_DEMO: 'false',
    SMTP_URL: '',
    SECRET_KEY: testSecretKey,
    ...extraEnv,
  };
  const program = options.entry ? [options.entry] : ['--import', 'tsx', 'src/cli/main.ts'];
  const child = spawn(process.execPath, [...program, 'serve'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  const printed: string[] = [];
  const output = () => printed.join('');
  child.stdout!.on('data', (chunk: Buffer) => printed.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => printed.push(chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 90 s: ${output()}`)), 90_000);
    const check = () => {
      const match = /listens on (http:\/\/\S+)/.exec(output());
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve({ child, url: match[1]!, output, stop });
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${output()}`));
    });
  });
}

/** A signed-in user of a server process: cookie and CSRF token. */
export class ProcessSession {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrfToken: string,
  ) {}

  static async signIn(baseUrl: string, email: string, password: string): Promise<ProcessSession> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200)
      throw new Error(`login ${response.status}: ${await response.text()}`);
    const cookie = sessionCookieFrom(response);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return new ProcessSession(baseUrl, cookie, csrfToken);
  }

  /** The same session against another node: sessions live in the shared database. */
  on(baseUrl: string): ProcessSession {
    return new ProcessSession(baseUrl, this.cookie, this.csrfToken);
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { cookie: this.cookie, 'x-csrf-token': this.csrfToken, ...extra };
  }

  post(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(body),
      ...(signal && { signal }),
    });
  }

  get(path: string, extraHeaders: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { headers: this.headers(extraHeaders) });
  }
}

/** The session cookie of a login answer (which also sets the browser's device cookie). */
export function sessionCookieFrom(response: Response): string {
  const line = response.headers
    .getSetCookie()
    .find((candidate) => candidate.startsWith('lagesbild_session='));
  if (!line) throw new Error(`no session cookie in the answer (${response.status})`);
  return line.split(';')[0]!;
}
