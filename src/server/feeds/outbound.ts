import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

/**
 * Where server-side requests (figure pulls, webhooks) may not go unless the address is allowed by
 * OUTBOUND_ALLOW_LIST: this host, private networks, link-local addresses with the cloud
 * metadata service (169.254.169.254, fd00:ec2::254), carrier-grade NAT, multicast and reserved.
 */
const refusedRanges: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 3, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const refused = new BlockList();
for (const [network, prefix, family] of refusedRanges) refused.addSubnet(network, prefix, family);

export class OutboundRefused extends Error {}

/** Whether a resolved address may be connected to, given the installation's allowed ones. */
export function mayConnect(address: string, allowed: readonly string[]): boolean {
  const plain = address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
  return !refused.check(plain, family) || blockListOf(allowed).check(plain, family);
}

function blockListOf(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [network = '', prefix] = entry.split('/');
    const family = isIP(network) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(network, family);
    else list.addSubnet(network, Number(prefix), family);
  }
  return list;
}

export interface OutboundRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  maxBytes: number;
  allowedAddresses: readonly string[];
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP(S) request that connects only to an address `mayConnect` allows: the name is resolved
 * once and the connection is made to the address that was checked, so a second answer from the
 * name server cannot send it elsewhere. Redirects are answered as they are, never followed.
 */
export function outboundRequest(url: URL, request: OutboundRequest): Promise<OutboundResponse> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !mayConnect(host, request.allowedAddresses)) {
    return Promise.reject(new OutboundRefused(host));
  }
  const lookup: typeof dns.lookup = ((
    hostname: string,
    options: dns.LookupOptions,
    callback: (error: Error | null, address: string | dns.LookupAddress[], family?: number) => void,
  ) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const usable = addresses.filter((entry) =>
        mayConnect(entry.address, request.allowedAddresses),
      );
      if (usable.length === 0 || usable.length < addresses.length) {
        return callback(new OutboundRefused(addresses[0]?.address ?? hostname), '');
      }
      if (options.all) return callback(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  }) as typeof dns.lookup;
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      {
        method: request.method,
        headers: request.headers,
        lookup,
        // A fresh connection every time: a pooled one would skip the address check.
        agent: false,
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > request.maxBytes) {
            incoming.destroy();
            reject(new OutboundTooLarge());
            return;
          }
          chunks.push(chunk);
        });
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

export class OutboundTooLarge extends Error {}
