// 新建领导小组: the clerk names the group first; an empty or taken name is refused in the dialog.
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { LeadershipGroup } from '@shared/domain';
import { errorMessage, invoke } from '../../api';

export function NewGroupDialog({
  taken,
  onCreated,
  onCancel,
}: {
  taken: string[];
  onCreated: (group: LeadershipGroup) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const { name } = await form.validateFields();
    setSaving(true);
    try {
      onCreated(await invoke('groups:create', { name: name.trim() }));
    } catch (err) {
      form.setFields([{ name: 'name', errors: [errorMessage(err)] }]);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title="新建领导小组"
      okText="新建"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ autoInsertSpace: false }}
      cancelButtonProps={{ autoInsertSpace: false }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      destroyOnHidden
      width={520}
    >
      <Form form={form} layout="vertical" onFinish={() => void submit().catch(() => undefined)} requiredMark>
        <Form.Item
          name="name"
          label="领导小组名称"
          extra="按成立文件填写全称，例如“新昌县深化医药卫生体制改革领导小组”。成立文件、办公室和成员在新建后填写。"
          rules={[
            { required: true, whitespace: true, message: '请填写领导小组名称。' },
            { max: 100, message: '领导小组名称太长（最多 100 个字）。' },
            {
              validator: (_rule, value: string | undefined) =>
                value && taken.includes(value.trim())
                  ? Promise.reject(new Error(`已有名为“${value.trim()}”的领导小组，请换一个名称。`))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input autoFocus placeholder="领导小组全称" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
