/**
 * "No network traffic at all", at run time in Node: the app host (core, automatic backups) and the
 * browser-mode host start, fill the demo data, answer calls, stream events, make a backup and an
 * export, and close, while every way Node can reach the network is watched in this process (TCP
 * and TLS connects, DNS lookups and resolves, UDP sends). The only connections allowed are the
 * test's own requests to the listening 127.0.0.1 port; no DNS lookup happens at all.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHost, type AppHost } from '../core/app-host';
import { residentInput } from '../core/testing/builders';
import { startHttpHost, type HttpHost } from './server';

interface Attempt {
  kind: string;
  target: string;
}

const attempts: Attempt[] = [];
const restore: (() => void)[] = [];

function describeTarget(args: unknown[]): string {
  // net.connect() hands Socket#connect its normalised arguments as one array.
  const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: string; port?: number; path?: string };
    return o.path ?? `${o.host ?? 'localhost'}:${o.port ?? '?'}`;
  }
  return typeof first === 'number' ? `${typeof second === 'string' ? second : 'localhost'}:${first}` : String(first);
}

function watch<T extends object>(target: T, key: keyof T & string, kind: string) {
  const original = target[key] as unknown as (...args: unknown[]) => unknown;
  (target as Record<string, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
    attempts.push({ kind, target: describeTarget(args) });
    if (process.env.DEBUG_NO_NETWORK) console.log(kind, describeTarget(args), new Error().stack);
    return original.apply(this, args);
  };
  restore.push(() => {
    (target as Record<string, unknown>)[key] = original;
  });
}

function post(port: number, token: string, name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: unknown }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(input);
    const req = httpRequest(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/call/${name}`, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('no outbound connection from the hosts', () => {
  let dir: string;
  let app: AppHost;
  let host: HttpHost;

  beforeAll(async () => {
    watch(net.Socket.prototype, 'connect', 'tcp connect');
    watch(tls, 'connect', 'tls connect');
    watch(dns, 'lookup', 'dns lookup');
    watch(dns, 'resolve', 'dns resolve');
    watch(dns, 'resolve4', 'dns resolve4');
    watch(dns.promises, 'lookup', 'dns lookup');
    watch(dns.promises, 'resolve', 'dns resolve');
    watch(dgram.Socket.prototype, 'send', 'udp send');
    dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-no-network-'));
    const staticDir = path.join(dir, 'renderer');
    mkdirSync(staticDir);
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Hearth</title>');
    app = await startAppHost({ dataDir: path.join(dir, 'data') });
    host = await startHttpHost({ core: app, staticDir, port: 0, scriptAdmin: true });
  }, 60_000);

  afterAll(async () => {
    await host?.close();
    await app?.close();
    for (const r of restore.reverse()) r();
    rmSync(dir, { recursive: true, force: true });
  });

  it('watches for real: a connection made by the test itself is seen', async () => {
    const before = attempts.length;
    await post(host.port, host.token, 'app.status', {});
    expect(attempts.length).toBeGreaterThan(before);
  });

  it('sets up, writes and reads residents, answers calls, backs up and exports without reaching anywhere', async () => {
    const setup = await post(host.port, host.token, 'setup.complete', {
      centreName: 'Центр помощи жителям Сылвы',
      country: 'RU',
      currency: 'RUB',
      language: 'ru',
      demo: false,
      adminPassword: 'Сылва-2026-надёжно',
    });
    expect(setup.ok, JSON.stringify(setup)).toBe(true);
    for (const [name, input] of [
      ['residents.create', residentInput()],
      ['app.counts', {}],
      ['residents.search', { q: 'иван' }],
      ['catalogue.list', {}],
      ['backups.create', {}],
      ['export.full', {}],
    ] as const) {
      const r = await post(host.port, host.token, name, input);
      expect(r.ok, `${name}: ${JSON.stringify(r.error)}`).toBe(true);
    }
    // The event stream too.
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Authorization: `Bearer ${host.token}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        res.destroy();
        resolve();
      });
      req.on('error', reject);
      req.end();
    });
    // Give timers (automatic backup, pings) a moment.
    await new Promise((r) => setTimeout(r, 200));
  }, 120_000);

  it('made no connection except to its own listening port, and no DNS query or UDP at all', () => {
    // server.listen('127.0.0.1') passes the literal address through dns.lookup, which answers a
    // numeric address itself (no query is sent); a lookup of any name would be a finding.
    const local = (a: Attempt) => a.target === `127.0.0.1:${host.port}` || (a.kind === 'dns lookup' && net.isIP(a.target) !== 0);
    expect(attempts.filter((a) => !local(a))).toEqual([]);
    expect(attempts.filter((a) => a.kind === 'tcp connect').length).toBeGreaterThan(0);
  });
});
