/** A failure to fetch, with a message for the admin in Swedish. */
export class FetchFailure extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** Only plain web addresses are fetched; file:, data: and the like are refused. */
export function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Fetches a text body, giving up after `timeoutMs` and refusing one larger than `maxBytes`
 * (counted while reading, since a server need not declare the length). Redirects are refused
 * so that the address the admin checked is the one that is read.
 */
export async function fetchText(url: string, limits: FetchLimits): Promise<string> {
  if (!isWebUrl(url)) throw new FetchFailure('Adressen måste börja med http:// eller https://.');
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'error' });
  } catch (error) {
    throw failureOf(error, limits);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new FetchFailure(`Källan svarade med HTTP-status ${response.status}.`, response.status);
  }
  if (Number(response.headers.get('content-length') ?? 0) > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(limits);
  }
  try {
    return await readLimited(response, limits.maxBytes);
  } catch (error) {
    throw error instanceof FetchFailure ? error : failureOf(error, limits);
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
    size += part.value.byteLength;
    if (size > maxBytes) {
      await reader!.cancel();
      throw tooLarge({ maxBytes });
    }
    chunks.push(part.value);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

function tooLarge(limits: { maxBytes: number }): FetchFailure {
  return new FetchFailure(`Svaret är större än ${Math.round(limits.maxBytes / 1024)} kB.`);
}

function failureOf(error: unknown, limits: FetchLimits): FetchFailure {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new FetchFailure(`Källan svarade inte inom ${limits.timeoutMs / 1000} sekunder.`);
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return new FetchFailure(`Källan gick inte att nå (${detail}).`);
}
