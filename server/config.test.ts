import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('defaults to PGlite under ./data on port 3000', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, database: { kind: 'pglite', dataDir: './data/pglite' }, seedDemo: 'auto' });
  });

  it('runs on a PostgreSQL server when DATABASE_URL is set, and ignores an empty one', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db' });
    expect(loadConfig({ DATABASE_URL: '' }).database.kind).toBe('pglite');
  });

  it('inbound SMTP, outbound SMTP and the notification webhook are off unless configured (P4.1.1, P4.3.3)', () => {
    expect(loadConfig({})).toMatchObject({ inboundSmtp: null, smtp: null, notifyWebhookUrl: null });
    expect(loadConfig({ SMTP_LISTEN_PORT: '2525' }).inboundSmtp).toEqual({ port: 2525, host: '127.0.0.1' });
    expect(loadConfig({ SMTP_URL: 'smtp://svc%40example.cn:pw@mail.example.cn:587' }).smtp).toEqual({
      url: 'smtp://svc%40example.cn:pw@mail.example.cn:587',
      from: 'svc@example.cn',
    });
    expect(loadConfig({ SMTP_URL: 'smtp://mail:25', SMTP_FROM: 'Service <s@example.cn>' }).smtp?.from).toBe('Service <s@example.cn>');
    expect(loadConfig({ NOTIFY_WEBHOOK_URL: 'https://gw.example.cn/notify' }).notifyWebhookUrl).toBe('https://gw.example.cn/notify');
    expect(() => loadConfig({ SMTP_URL: 'http://x', SMTP_LISTEN_PORT: 'x', NOTIFY_WEBHOOK_URL: 'ftp://x' })).toThrow(/SMTP_LISTEN_PORT[\s\S]*SMTP_URL[\s\S]*NOTIFY_WEBHOOK_URL/);
  });

  it('names every bad variable in one clear error', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    }
  });
});
