/**
 * The browser-mode host's network guards: where it listens, which Host and Origin headers it
 * answers (DNS rebinding), local-network mode (only when the admin allowed it; sign-in always
 * required then), and the CSP on every page and script.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/security';
import { createTestCore, type TestCore } from '../core/testing/test-core';
import { isAllowedHost, isAllowedOrigin, isPrivateIpv4, lanAddresses, listenAddress, parseHost } from './host-check';
import { startHttpHost, type HttpHost } from './server';

describe('host-check (pure)', () => {
  const port = 41234;

  it('listens on loopback unless the local network is allowed', () => {
    expect(listenAddress(false)).toBe('127.0.0.1');
    expect(listenAddress(true)).toBe('0.0.0.0');
  });

  it('knows private IPv4 addresses', () => {
    for (const a of ['10.0.0.5', '172.16.0.1', '172.31.255.254', '192.168.1.20', '169.254.10.10']) expect(isPrivateIpv4(a), a).toBe(true);
    for (const a of ['8.8.8.8', '172.32.0.1', '172.15.0.1', '192.169.0.1', '127.0.0.1', '0.0.0.0', '192.168.1.256', '192.168.01.2', 'evil.example', '']) {
      expect(isPrivateIpv4(a), a).toBe(false);
    }
  });

  it('parses Host headers strictly', () => {
    expect(parseHost(`127.0.0.1:${port}`)).toEqual({ name: '127.0.0.1', port });
    expect(parseHost('LOCALHOST:80')).toEqual({ name: 'localhost', port: 80 });
    for (const h of [undefined, '', '127.0.0.1', '[::1]:80', 'a b:80', 'evil.example:80@127.0.0.1', '127.0.0.1:80:80']) expect(parseHost(h), String(h)).toBeNull();
  });

  it('answers loopback names always, private addresses only in LAN mode, names never', () => {
    expect(isAllowedHost(`127.0.0.1:${port}`, port, false)).toBe(true);
    expect(isAllowedHost(`localhost:${port}`, port, false)).toBe(true);
    expect(isAllowedHost(`192.168.1.20:${port}`, port, false)).toBe(false);
    expect(isAllowedHost(`192.168.1.20:${port}`, port, true)).toBe(true);
    expect(isAllowedHost(`10.1.2.3:${port}`, port, true)).toBe(true);
    for (const lan of [false, true]) {
      expect(isAllowedHost(`evil.example:${port}`, port, lan)).toBe(false);
      expect(isAllowedHost(`127.0.0.1.nip.io:${port}`, port, lan)).toBe(false);
      expect(isAllowedHost(`8.8.8.8:${port}`, port, lan)).toBe(false);
      expect(isAllowedHost(`127.0.0.1:${port + 1}`, port, lan)).toBe(false);
      expect(isAllowedHost(undefined, port, lan)).toBe(false);
    }
  });

  it('accepts an Origin only when it is exactly the requested host', () => {
    expect(isAllowedOrigin(undefined, `127.0.0.1:${port}`, port, false)).toBe(true);
    expect(isAllowedOrigin(`http://127.0.0.1:${port}`, `127.0.0.1:${port}`, port, false)).toBe(true);
    expect(isAllowedOrigin(`http://192.168.1.20:${port}`, `192.168.1.20:${port}`, port, true)).toBe(true);
    expect(isAllowedOrigin('http://evil.example', `127.0.0.1:${port}`, port, true)).toBe(false);
    expect(isAllowedOrigin(`http://evil.example:${port}`, `127.0.0.1:${port}`, port, true)).toBe(false);
    expect(isAllowedOrigin(`https://127.0.0.1:${port}`, `127.0.0.1:${port}`, port, false)).toBe(false);
    expect(isAllowedOrigin('null', `127.0.0.1:${port}`, port, false)).toBe(false);
    // Another private address of the same network is another origin.
    expect(isAllowedOrigin(`http://192.168.1.21:${port}`, `192.168.1.20:${port}`, port, true)).toBe(false);
    expect(isAllowedOrigin(`http://192.168.1.20:${port}`, `192.168.1.20:${port}`, port, false)).toBe(false);
  });

  it('lists only private IPv4 addresses of this computer', () => {
    const fake = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [
        { address: '192.168.1.20', family: 'IPv4', internal: false },
        { address: 'fe80::1', family: 'IPv6', internal: false },
      ],
      wan: [{ address: '85.1.2.3', family: 'IPv4', internal: false }],
    } as unknown as ReturnType<typeof os.networkInterfaces>;
    expect(lanAddresses(fake)).toEqual(['192.168.1.20']);
  });
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function raw(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string; connectTo?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: options.connectTo ?? '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      // Event streams never end: take the head and stop.
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
        res.destroy();
        return;
      }
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

function reachable(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('the host in both modes', () => {
  let t: TestCore;
  let local: HttpHost;
  let lan: HttpHost;
  let root: string;

  beforeAll(async () => {
    t = await createTestCore();
    root = mkdtempSync(path.join(os.tmpdir(), 'hearth-guard-'));
    const staticDir = path.join(root, 'renderer');
    mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Hearth</title>');
    writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'export {}');
    writeFileSync(path.join(staticDir, 'assets', 'app.css'), 'body{}');
    // scriptAdmin on both: in LAN mode it must be ignored.
    const backups = path.join(root, 'backups');
    mkdirSync(backups);
    writeFileSync(path.join(backups, 'hearth-20261123-101500-manual.hearthbak'), 'EVERYONE-S DATA');
    const downloads = { folders: { backups } };
    local = await startHttpHost({ core: t, staticDir, port: 0, scriptAdmin: true, downloads });
    lan = await startHttpHost({ core: t, staticDir, port: 0, scriptAdmin: true, allowLan: true, downloads });
  });

  afterAll(async () => {
    await local?.close();
    await lan?.close();
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('local only by default: loopback address, no other interface', async () => {
    expect(local.allowLan).toBe(false);
    expect(await reachable('127.0.0.1', local.port)).toBe(true);
    expect(await reachable('127.0.0.2', local.port)).toBe(false);
  });

  it('LAN mode listens on every interface', async () => {
    expect(lan.allowLan).toBe(true);
    expect(await reachable('127.0.0.2', lan.port)).toBe(true);
  });

  it('answers a private-network Host only in LAN mode, and never a DNS name', async () => {
    expect((await raw(local.port, { path: '/', headers: { Host: `192.168.1.20:${local.port}` } })).status).toBe(403);
    expect((await raw(lan.port, { path: '/', headers: { Host: `192.168.1.20:${lan.port}` } })).status).toBe(200);
    for (const h of [local, lan]) {
      const evil = await raw(h.port, { path: '/', headers: { Host: `evil.example:${h.port}` } });
      expect(evil.status).toBe(403);
      expect(evil.body).not.toContain('<title>Hearth');
      const api = await raw(h.port, { path: '/api/call/app.status', method: 'POST', headers: { Host: `evil.example:${h.port}`, Authorization: `Bearer ${h.token}` }, body: '{}' });
      expect(api.status).toBe(403);
    }
  });

  it('refuses a foreign Origin on POST and on the event stream, in both modes', async () => {
    for (const h of [local, lan]) {
      const cookieRes = await raw(h.port, { path: `/?token=${encodeURIComponent(h.token)}`, headers: { Host: `127.0.0.1:${h.port}` } });
      const cookie = [cookieRes.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]).join('; ');
      for (const origin of ['http://evil.example', `http://evil.example:${h.port}`, `http://localhost:${h.port}`]) {
        const post = await raw(h.port, {
          path: '/api/call/app.status',
          method: 'POST',
          headers: { Host: `127.0.0.1:${h.port}`, Origin: origin, Cookie: cookie, Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' },
          body: '{}',
        });
        expect(post.status, `${origin} POST`).toBe(403);
        const sse = await raw(h.port, { path: '/api/events', headers: { Host: `127.0.0.1:${h.port}`, Origin: origin, Cookie: cookie } });
        expect(sse.status, `${origin} SSE`).toBe(403);
      }
      // Its own origin still works (the event stream opens).
      const own = await raw(h.port, { path: '/api/events', headers: { Host: `127.0.0.1:${h.port}`, Origin: `http://127.0.0.1:${h.port}`, Cookie: cookie } });
      expect(own.status).toBe(200);
    }
  });

  it('keeps the per-launch token: no token, no API, in both modes', async () => {
    for (const h of [local, lan]) {
      const res = await raw(h.port, { path: '/api/call/app.status', method: 'POST', headers: { Host: `127.0.0.1:${h.port}` }, body: '{}' });
      expect(res.status).toBe(401);
      expect(local.token).not.toBe(lan.token);
    }
  });

  it('in LAN mode the Bearer token alone never acts as a user (sign-in is required)', async () => {
    const call = (h: HttpHost) =>
      raw(h.port, {
        path: '/api/call/app.counts',
        method: 'POST',
        headers: { Host: `127.0.0.1:${h.port}`, Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
    const viaLocal = JSON.parse((await call(local)).body) as { ok: boolean };
    expect(viaLocal.ok).toBe(true);
    const viaLan = JSON.parse((await call(lan)).body) as { ok: boolean; error?: { code: string } };
    expect(viaLan).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
  });

  it('gives a backup only to an admin, never to the launch token alone', async () => {
    const get = (h: HttpHost, headers: Record<string, string>) =>
      raw(h.port, { path: '/api/download/backups/hearth-20261123-101500-manual.hearthbak', headers: { Host: `127.0.0.1:${h.port}`, ...headers } });
    // A script host (--script-admin, local only): the Bearer token acts as the first admin.
    const asScript = await get(local, { Authorization: `Bearer ${local.token}` });
    expect(asScript.status).toBe(200);
    expect(asScript.body).toBe('EVERYONE-S DATA');
    // LAN mode: the token is not enough, and neither is the token cookie of a browser not signed in.
    const cookieRes = await raw(lan.port, { path: `/?token=${encodeURIComponent(lan.token)}`, headers: { Host: `127.0.0.1:${lan.port}` } });
    const cookie = [cookieRes.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]).join('; ');
    for (const headers of [{ Authorization: `Bearer ${lan.token}` }, { Cookie: cookie }] as Record<string, string>[]) {
      const res = await get(lan, headers);
      expect(res.status).toBe(403);
      expect(res.body).not.toContain('EVERYONE-S DATA');
    }
  });

  it('sends the same CSP on every page, script, style and API answer', async () => {
    for (const h of [local, lan]) {
      for (const p of ['/', '/index.html', '/assets/app.js', '/assets/app.css', '/residents/1', '/api/contract.json']) {
        const res = await raw(h.port, { path: p, headers: { Host: `127.0.0.1:${h.port}` } });
        expect(res.status, p).toBe(200);
        expect(res.headers['content-security-policy'], p).toBe(CONTENT_SECURITY_POLICY);
        expect(res.headers['x-content-type-options'], p).toBe('nosniff');
      }
    }
  });
});
