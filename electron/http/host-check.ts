/**
 * Which Host and Origin headers the browser-mode host answers (DNS rebinding defence), and where
 * it listens. Pure functions, tested in host-check.test.ts and through the server in server.test.ts.
 *
 *  - Local only (the default): the server listens on 127.0.0.1 and answers only
 *    Host 127.0.0.1:PORT or localhost:PORT.
 *  - Local network allowed by the admin (hosting.setAllowLan, or `serve --lan`): the server listens
 *    on 0.0.0.0 and also answers a Host that is a private IPv4 address of this network with our
 *    port (10/8, 172.16/12, 192.168/16, 169.254/16). Names such as evil.example are never answered:
 *    a rebinding attack always arrives with the attacker's host name.
 *  - Origin, when a browser sends one (POST, EventSource), must be exactly http://<the Host>: a page
 *    of another origin can never call the API, in either mode.
 */
import os from 'node:os';

export const LOOPBACK = '127.0.0.1';
export const ANY_IPV4 = '0.0.0.0';

/** The address to listen on. */
export function listenAddress(allowLan: boolean): string {
  return allowLan ? ANY_IPV4 : LOOPBACK;
}

function ipv4(text: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p, i) => p > 255 || String(p) !== m[i + 1])) return null;
  return parts;
}

/** 10/8, 172.16/12, 192.168/16 and link-local 169.254/16: addresses that never route on the internet. */
export function isPrivateIpv4(text: string): boolean {
  const p = ipv4(text);
  if (p === null) return false;
  const [a, b] = p as [number, number, number, number];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/** Splits a Host header into name and port; null when malformed (IPv6 literals are not served). */
export function parseHost(host: string | undefined): { name: string; port: number } | null {
  if (host === undefined) return null;
  const m = /^([A-Za-z0-9.-]{1,253}):(\d{1,5})$/.exec(host);
  if (!m) return null;
  return { name: (m[1] as string).toLowerCase(), port: Number(m[2]) };
}

/** Whether a request with this Host header is answered. */
export function isAllowedHost(host: string | undefined, port: number, allowLan: boolean): boolean {
  const parsed = parseHost(host);
  if (parsed === null || parsed.port !== port) return false;
  if (parsed.name === LOOPBACK || parsed.name === 'localhost') return true;
  return allowLan && isPrivateIpv4(parsed.name);
}

/** Whether a request with this Origin (absent for plain navigations and scripts) is answered. */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, port: number, allowLan: boolean): boolean {
  if (origin === undefined) return true;
  if (!isAllowedHost(host, port, allowLan)) return false;
  return origin.toLowerCase() === `http://${(host as string).toLowerCase()}`;
}

/** Whether a request came from this computer (loopback). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** The private IPv4 addresses of this computer: what other PCs type to reach it in LAN mode. */
export function lanAddresses(interfaces: ReturnType<typeof os.networkInterfaces> = os.networkInterfaces()): string[] {
  const out: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const i of list ?? []) {
      if (i.family === 'IPv4' && !i.internal && isPrivateIpv4(i.address)) out.push(i.address);
    }
  }
  return out;
}
