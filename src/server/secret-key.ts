import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError, isSecretKeyText } from './config.ts';
import { privateFileMode, privateFolderMode } from './db/database.ts';
import { SecretBox, secretKeyBytes } from './secret-box.ts';

export type SecretKeyConfig = Pick<
  Config,
  'DATABASE_URL' | 'SECRET_KEY' | 'SECRET_KEY_FILE' | 'SECRET_KEY_PREVIOUS_FILE'
>;

export interface LoadedSecretKey {
  box: SecretBox;
  /** The key file made on this start (the embedded SQLite set-up's default), to announce. */
  createdFile: string | null;
}

/**
 * The installation's key, from SECRET_KEY or SECRET_KEY_FILE; without either, on SQLite only,
 * from `secret.key` beside the database file, made with mode 0600 on the first start (on
 * PostgreSQL several nodes need the same key, so it must be given). Read when the server starts,
 * not by the other commands. Every problem is one ConfigError line.
 */
export function loadSecretKey(config: SecretKeyConfig): LoadedSecretKey {
  const previous = config.SECRET_KEY_PREVIOUS_FILE
    ? readKeyFile('SECRET_KEY_PREVIOUS_FILE', config.SECRET_KEY_PREVIOUS_FILE)
    : null;
  if (config.SECRET_KEY) {
    return {
      box: new SecretBox(Buffer.from(config.SECRET_KEY.trim(), 'base64'), previous),
      createdFile: null,
    };
  }
  if (config.SECRET_KEY_FILE) {
    return {
      box: new SecretBox(readKeyFile('SECRET_KEY_FILE', config.SECRET_KEY_FILE), previous),
      createdFile: null,
    };
  }
  if (!config.DATABASE_URL.startsWith('sqlite:')) {
    throw new ConfigError(
      'Configuration error: SECRET_KEY_FILE (or SECRET_KEY) must be set when DATABASE_URL is ' +
        'PostgreSQL: every node needs the same key to read the second-factor secrets (create it ' +
        'once with: openssl rand -base64 32 > secret.key, and give each node a copy)',
    );
  }
  const file = defaultKeyFile(config.DATABASE_URL);
  const createdFile = createKeyFileIfMissing(file) ? file : null;
  return { box: new SecretBox(readKeyFile('the key file', file), previous), createdFile };
}

export function defaultKeyFile(databaseUrl: string): string {
  return path.join(path.dirname(path.resolve(databaseUrl.slice('sqlite:'.length))), 'secret.key');
}

function readKeyFile(variable: string, file: string): Buffer {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConfigError(`Configuration error: ${variable} ${file} cannot be read (${reason})`);
  }
  if (!isSecretKeyText(text)) {
    throw new ConfigError(
      `Configuration error: ${variable} ${file} must hold 32 random bytes in base64 ` +
        '(create it with: openssl rand -base64 32)',
    );
  }
  return Buffer.from(text.trim(), 'base64');
}

/** True when this call made the file; `wx` leaves a file another process made first alone. */
function createKeyFileIfMissing(file: string): boolean {
  if (fs.existsSync(file)) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: privateFolderMode });
  try {
    fs.writeFileSync(file, `${randomBytes(secretKeyBytes).toString('base64')}\n`, {
      mode: privateFileMode,
      flag: 'wx',
    });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new ConfigError(
      `Configuration error: cannot create the key file ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); set SECRET_KEY_FILE`,
    );
  }
}
