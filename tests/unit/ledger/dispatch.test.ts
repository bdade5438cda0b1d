// dispatch(): valid requests run, bad payloads and failures come back as Chinese messages, internals logged.
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { demoApp } from './helpers';

const context = demoApp;

describe('dispatch over the channel map', () => {
  it('runs a valid request and returns its data', async () => {
    const ctx = context();
    const result = await dispatch(ctx, 'units:list', {});
    expect(result.ok && (result.data as unknown[]).length).toBe(38);
  });

  it('refuses an invalid payload with a Chinese message before any handler runs', async () => {
    const ctx = context();
    const result = await dispatch(ctx, 'units:create', { name: '', kind: 'township' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: '单位名称不能为空，请填写单位全称。' },
    });
    const wrongType = await dispatch(ctx, 'units:update', { id: 'x', patch: {} });
    expect(wrongType.ok).toBe(false);
    expect(!wrongType.ok && /[\u4e00-\u9fa5]/.test(wrongType.error.message)).toBe(true);
  });

  it('passes a domain refusal through as {code, message}', async () => {
    const ctx = context();
    const result = await dispatch(ctx, 'units:create', { name: '县财政局' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unit_name_duplicate' } });
  });

  it('hides internal failures behind a Chinese message and logs the detail', async () => {
    const ctx = context();
    ctx.ledger.db.close();
    const result = await dispatch(ctx, 'units:list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!result.ok && result.error.message).toContain('程序内部出错');
    expect(!result.ok && result.error.message).not.toMatch(/at |Error:/);
    expect(ctx.logged).toHaveLength(1);
  });

  it('refuses an unknown channel', async () => {
    const ctx = context();
    const log = vi.fn();
    const result = await dispatch({ ...ctx, log }, 'fs:readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });
});
