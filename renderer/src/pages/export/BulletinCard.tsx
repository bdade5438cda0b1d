// The 领导小组名单 and 调度通报 card: the clerk types the bulletin's 存在问题、下步工作要求 and issuer here,
// prefilled from what was saved with the round; exporting saves them with the round first.
import type React from 'react';
import { Button, Form, Input, Select } from 'antd';
import type { BulletinTexts, ExportOutcome } from '@shared/channels/exports';
import type { LeadershipGroup } from '@shared/domain';
import { invoke } from '../../api';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';

interface Props {
  groups: LeadershipGroup[];
  groupId: number | null;
  onGroup: (id: number | null) => void;
  roundId: number | null;
  roundName: string;
  run: (label: string, exporting: () => Promise<ExportOutcome>) => Promise<void>;
  fail: (err: unknown) => void;
}

const CARD: React.CSSProperties = {
  background: '#fff',
  border: '1px solid #e3e6ea',
  borderRadius: 8,
  padding: '12px 16px',
  display: 'flex',
  flexDirection: 'column',
  gap: 10,
  minWidth: 0,
};

const EMPTY: BulletinTexts = { issuer: '', problems: '', requirements: '' };

export function BulletinCard({ groups, groupId, onGroup, roundId, roundName, run, fail }: Props) {
  const [form] = Form.useForm<BulletinTexts>();
  useLedgerQuery('export:bulletinTexts', roundId === null ? null : { roundId }, {
    onError: fail,
    onData: (texts) => form.setFieldsValue(texts),
  });
  const exportBulletin = () => {
    if (roundId === null) return;
    const texts = { ...EMPTY, ...form.getFieldsValue() };
    void run('导出调度通报', async () => {
      await invoke('export:saveBulletinTexts', { roundId, ...texts });
      return invoke('export:bulletin', { roundId, ...texts });
    });
  };
  return (
    // Styled here rather than as .export-card: that class lays out bare <label>s, which would pull antd's
    // form labels away from their fields.
    <section style={CARD} aria-labelledby="bulletin-card-title">
      <h2 id="bulletin-card-title" style={{ margin: 0, fontSize: 16 }}>
        领导小组名单 / 调度通报
      </h2>
      <div style={{ display: 'flex', gap: 10, alignItems: 'center' }}>
        <Select
          aria-label="领导小组"
          style={{ flex: 1, minWidth: 0 }}
          value={groupId ?? undefined}
          onChange={(id: number) => onGroup(id)}
          options={groups.map((g) => ({ value: g.id, label: g.name, title: g.name }))}
          popupMatchSelectWidth={false}
        />
        <Button
          disabled={groupId === null}
          onClick={() => groupId !== null && void run('导出领导小组名单', () => invoke('export:roster', { groupId }))}
        >
          导出名单…
        </Button>
      </div>
      <Form form={form} layout="vertical" initialValues={EMPTY} disabled={roundId === null}>
        <p className="muted" style={{ margin: '0 0 8px' }}>
          调度通报（Word 公文，含催办清单，另存 Excel 数据附件）按所选调度轮次“{roundName}”生成；以下内容随该轮次保存。
        </p>
        <Form.Item label="发文机关" name="issuer" style={{ marginBottom: 8 }}>
          <Input maxLength={60} placeholder="如：新昌县卫生健康局" />
        </Form.Item>
        <Form.Item label="存在问题" name="problems" style={{ marginBottom: 8 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder="每段一行" />
        </Form.Item>
        <Form.Item label="下步工作要求" name="requirements" style={{ marginBottom: 8 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder="每段一行" />
        </Form.Item>
        <Button type="primary" disabled={roundId === null} onClick={exportBulletin}>
          导出通报…
        </Button>
      </Form>
    </section>
  );
}
