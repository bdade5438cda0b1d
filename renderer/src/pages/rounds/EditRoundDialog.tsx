// 修改本轮: a round's name, period and deadline corrected after it was created; the units asked stay.
import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ProgressRound } from '@shared/domain';
import { errorMessage, invoke } from '../../api';

interface Fields {
  name: string;
  period: [Dayjs | null, Dayjs | null] | null;
  dueOn: Dayjs | null;
}

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const day = (s: string | null) => (s ? dayjs(s) : null);

export function EditRoundDialog({
  round,
  onSaved,
  onCancel,
}: {
  round: ProgressRound;
  onSaved: (round: ProgressRound) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<Fields>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState('');
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      onSaved(
        await invoke('rounds:update', {
          id: round.id,
          patch: {
            name: values.name.trim(),
            periodStart: iso(values.period?.[0]),
            periodEnd: iso(values.period?.[1]),
            dueOn: iso(values.dueOn) ?? undefined,
          },
        }),
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="修改调度轮次"
      okText="保存"
      cancelText="取消"
      okButtonProps={{ autoInsertSpace: false }}
      cancelButtonProps={{ autoInsertSpace: false }}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: round.name,
          period: round.periodStart || round.periodEnd ? [day(round.periodStart), day(round.periodEnd)] : null,
          dueOn: day(round.dueOn),
        }}
      >
        <Form.Item
          name="name"
          label="轮次名称"
          rules={[
            { required: true, whitespace: true, message: '请填写轮次名称，例如“2026年第四季度调度”。' },
            { max: 100, message: '轮次名称太长（最多 100 个字）。' },
          ]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="period" label="调度周期">
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dueOn" label="报送截止日期" rules={[{ required: true, message: '请填写报送截止日期。' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </Modal>
  );
}
