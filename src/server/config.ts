import os from 'node:os';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { secretKeyBytes } from './secret-box.ts';

/** A yes/no setting: true/false, 1/0 or yes/no in any case; anything else is refused. */
export const booleanFlag = z.stringbool({
  truthy: ['true', '1', 'yes'],
  falsy: ['false', '0', 'no'],
  case: 'insensitive',
  error: 'must be true or false (also accepted: 1/0, yes/no)',
});

/** An IP address or a CIDR range such as 10.0.0.0/24 or fd00::/8. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const addressList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .refine((entries) => entries.every(isAddressOrRange), {
    message:
      'must be a comma-separated list of IP addresses or CIDR ranges, e.g. 10.0.0.5,10.0.1.0/24',
  });

/** 32 random bytes in base64, as `openssl rand -base64 32` writes them. */
export function isSecretKeyText(value: string): boolean {
  return (
    /^[A-Za-z0-9+/]{43}=$/.test(value.trim()) &&
    Buffer.from(value.trim(), 'base64').length === secretKeyBytes
  );
}

const secretKeyAdvice =
  'must be 32 random bytes in base64 (create one with: openssl rand -base64 32)';

const databaseUrl = z.string().refine((value) => /^(sqlite:|postgres(ql)?:\/\/)/.test(value), {
  message: 'must start with sqlite: (for example sqlite:./data/lagesbild.db) or postgres://',
});

/** 20 MB: the largest file attached to the picture unless FILES_MAX_BYTES says otherwise. */
export const defaultFilesMaxBytes = 20_971_520;

export const configSchema = z
  .object({
    PORT: z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(0, 'must be between 0 and 65535')
      .max(65535, 'must be between 0 and 65535')
      .default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: databaseUrl.default('sqlite:./data/lagesbild.db'),
    DATABASE_POOL_MAX: z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(1, 'must be between 1 and 1000')
      .max(1000, 'must be between 1 and 1000')
      .default(20),
    PUBLIC_URL: z
      .url({ error: 'must be an absolute URL such as https://lagesbild.example.se' })
      .optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    LAGESBILD_DEMO: booleanFlag.default(true),
    METRICS_PUBLIC: booleanFlag.default(false),
    METRICS_TOKEN_SHA256: z
      .string()
      .regex(
        /^[0-9a-fA-F]{64}$/,
        'must be the SHA-256 of the scrape token as 64 hexadecimal characters (sha256sum < token-file)',
      )
      .transform((value) => value.toLowerCase())
      .optional(),
    ADMIN_EMAIL: z.email({ error: 'must be an e-mail address' }).default('admin@lagesbild.local'),
    ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    DEMO_PASSWORD: z.string().optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(120),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
    BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
    /** The largest file that may be attached to the picture (20 MB by default). */
    FILES_MAX_BYTES: z.coerce.number().int().positive().default(defaultFilesMaxBytes),
    TRUSTED_PROXIES: addressList.default([]),
    OUTBOUND_ALLOW_LIST: addressList.default([]),
    /** The region's SMS gateway: alerts chosen for SMS are posted to it as JSON. */
    ALERT_SMS_WEBHOOK_URL: z
      .url({ error: 'must be the http(s) URL of the SMS gateway' })
      .optional(),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
    /** Processes serving the one port (node:cluster); `auto`: one per CPU. PostgreSQL only. */
    WORKERS: z
      .string()
      .regex(/^(auto|[1-9]\d?)$/, 'must be auto or a whole number from 1 to 99')
      .default('1')
      .transform((value) => (value === 'auto' ? os.availableParallelism() : Number(value))),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL, e.g. smtp://relay.example.se:25')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Lägesbild <noreply@lagesbild.local>'),
    /** Where people report accessibility problems: the statement's contact (DOS-lagen). */
    ACCESSIBILITY_CONTACT: z
      .email({ error: 'must be an e-mail address such as tillganglighet@region.se' })
      .optional(),
    MAIL_INTERVAL_MS: z.coerce.number().int().min(1000).default(15_000),
    SECRET_KEY: z.string().refine(isSecretKeyText, secretKeyAdvice).optional(),
    SECRET_KEY_FILE: z.string().min(1).optional(),
    SECRET_KEY_PREVIOUS_FILE: z.string().min(1).optional(),
    OIDC_ISSUER: z.url({ error: 'must be the issuer URL of the identity provider' }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPES: z.string().min(1).default('openid profile email'),
    OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
    OIDC_LOCAL_LOGIN: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  })
  .superRefine((config, context) => {
    if (config.SECRET_KEY && config.SECRET_KEY_FILE) {
      context.addIssue({
        code: 'custom',
        path: ['SECRET_KEY_FILE'],
        message: 'and SECRET_KEY are both set: set only one of them',
      });
    }
    if (config.OIDC_ISSUER && !config.OIDC_CLIENT_ID) {
      context.addIssue({
        code: 'custom',
        path: ['OIDC_CLIENT_ID'],
        message: 'must be set when OIDC_ISSUER is set',
      });
    }
    if (config.WORKERS > 1 && config.DATABASE_URL.startsWith('sqlite:')) {
      // SQLite transactions begin deferred: one that reads and then writes fails at once, without
      // waiting, when another process has written in between. One process never meets that.
      context.addIssue({
        code: 'custom',
        path: ['WORKERS'],
        message:
          'must be 1 on SQLite: several processes need PostgreSQL (DATABASE_URL=postgres://…)',
      });
    }
    if (!config.OIDC_ISSUER && config.OIDC_LOCAL_LOGIN === 'off') {
      context.addIssue({
        code: 'custom',
        path: ['OIDC_LOCAL_LOGIN'],
        message: 'can only be off when OIDC_ISSUER is set',
      });
    }
  });

export type Config = z.infer<typeof configSchema> & {
  PUBLIC_URL: string;
  /** PUBLIC_URL was not set and is made from HOST and PORT. */
  publicUrlDerived: boolean;
};

export class ConfigError extends Error {}

/** Reads the environment once at start; the first problem becomes one readable line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, emptyToUndefined(env[key])]),
  );
  relevant.DATABASE_URL ??= stateDirectoryDatabase(env);
  // The server's log speaks English, whatever locale the HTTP API gives zod for its messages.
  const parsed = configSchema.safeParse(relevant, { error: z.locales.en().localeError });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(
      `Configuration error: ${variable} ${issue.message}${shownValue(variable, env[variable])}`,
    );
  }
  const config = parsed.data;
  const publicHost = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  return {
    ...config,
    PUBLIC_URL: config.PUBLIC_URL ?? `http://${publicHost}:${config.PORT}`,
    publicUrlDerived: config.PUBLIC_URL === undefined,
  };
}

/** Variables whose value is a secret: an error names them but never shows what was given. */
const secretVariables = new Set([
  'ADMIN_PASSWORD',
  'DEMO_PASSWORD',
  'OIDC_CLIENT_SECRET',
  'SECRET_KEY',
]);

/** The value that was given, for the error line; no secret, nor the password inside a URL. */
function shownValue(variable: string, value: string | undefined): string {
  if (value === undefined || secretVariables.has(variable)) return '';
  return ` (got "${value.replace(/(\/\/[^/:@]*):[^/@]*@/, '$1:***@')}")`;
}

/**
 * Under systemd with `StateDirectory=lagesbild` the database lives in that directory
 * (/var/lib/lagesbild), the one place the unit may write; elsewhere ./data beside the install.
 */
function stateDirectoryDatabase(env: NodeJS.ProcessEnv): string | undefined {
  const directory = emptyToUndefined(env.STATE_DIRECTORY)?.split(':')[0];
  return directory ? `sqlite:${path.join(directory, 'lagesbild.db')}` : undefined;
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
