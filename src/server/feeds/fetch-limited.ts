import { isWebUrl } from '../../contract/feeds.ts';
import { OutboundRefused, OutboundTooLarge, outboundRequest } from './outbound.ts';

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
  /** Internal addresses that may be reached all the same (OUTBOUND_ALLOW_LIST). */
  allowedAddresses: readonly string[];
}

/**
 * Fetches a text body, giving up after `timeoutMs` and refusing one larger than `maxBytes`
 * (counted while reading, since a server need not declare the length). Internal addresses are
 * refused after the name is resolved (`outboundRequest`), and so are redirects, so that the
 * address the admin checked is the one that is read.
 */
export async function fetchText(url: string, limits: FetchLimits): Promise<string> {
  if (!isWebUrl(url)) throw new FetchFailure('Adressen måste börja med http:// eller https://.');
  const response = await outboundRequest(new URL(url), { method: 'GET', ...limits }).catch(
    (error: unknown) => {
      throw failureOf(error, 'Källan', limits);
    },
  );
  if (response.status < 200 || response.status >= 300) {
    throw new FetchFailure(`Källan svarade med HTTP-status ${response.status}.`, response.status);
  }
  return response.body;
}

/** A failure to reach `who` (Källan, Mottagaren) in words for the admin. */
export function failureOf(
  error: unknown,
  who: string,
  limits: Pick<FetchLimits, 'timeoutMs' | 'maxBytes'>,
): FetchFailure {
  if (error instanceof OutboundRefused) {
    return new FetchFailure(
      `Adressen leder till ett internt nät eller till servern själv (${error.message}) och nås inte härifrån. Ska den nås, lägg till den i OUTBOUND_ALLOW_LIST.`,
    );
  }
  if (error instanceof OutboundTooLarge) {
    return new FetchFailure(`Svaret är större än ${Math.round(limits.maxBytes / 1024)} kB.`);
  }
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new FetchFailure(`${who} svarade inte inom ${limits.timeoutMs / 1000} sekunder.`);
  }
  const detail = (error as { code?: string } | null)?.code ?? (error as Error).message;
  return new FetchFailure(`${who} gick inte att nå (${detail}).`);
}
