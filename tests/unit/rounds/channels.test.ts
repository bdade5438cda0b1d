// The rounds' and groups' channels refuse bad payloads in Chinese; a round view uses the handler's today.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/handlers/dispatch';
import { demoApp } from '../ledger/helpers';

const context = demoApp;

describe('round and group channels', () => {
  it('refuses bad payloads with a Chinese sentence before the ledger is touched', async () => {
    const ctx = context();
    const base = {
      roundId: 1,
      unitId: 1,
      taskId: 1,
      status: null,
      progress: '',
      problems: '',
      nextSteps: '',
      source: 'phone',
    };
    expect(await dispatch(ctx, 'rounds:saveReport', { ...base, percent: 150 })).toEqual({
      ok: false,
      error: { code: 'invalid_request', message: '完成进度不能大于 100。' },
    });
    expect(
      await dispatch(ctx, 'rounds:create', {
        name: 'X',
        periodStart: null,
        periodEnd: null,
        dueOn: '2026-13-01',
        unitIds: [1],
      }),
    ).toMatchObject({
      ok: false,
      error: { message: '日期格式不正确，应为 YYYY-MM-DD，例如 2025-12-31。' },
    });
    expect(
      await dispatch(ctx, 'groups:addMember', { groupId: 1, member: { role: '秘书长', personName: '张三' } }),
    ).toMatchObject({
      ok: false,
      error: { message: '职务不正确，请从下拉列表中选择。' },
    });
  });

  it("a round view says who is overdue by the handler context's today", async () => {
    const ctx = context();
    const list = await dispatch(ctx, 'rounds:list', {});
    expect(list).toMatchObject({
      ok: true,
      data: [{ name: '2026年第三季度调度', expectedCount: 8, reportedCount: 6 }],
    });
    const view = await dispatch(ctx, 'rounds:view', { id: 1 });
    if (!view.ok) throw new Error(view.error.message);
    const states = (view.data as { units: { unitName: string; state: string }[] }).units;
    expect(states.filter((u) => u.state === 'overdue').map((u) => u.unitName)).toEqual(['县财政局', '城南乡']);
  });
});
