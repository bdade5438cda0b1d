// The one dialog that asks and saves: title, fields, the refusal shown inside it, 取消 and a submit button.
import { Alert, Button, Modal } from 'antd';
import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { focusFirstField } from './focusFirstField';

/**
 * The one shape of a dialog that asks and saves, on antd's Modal so every dialog behaves alike: the first
 * field takes the focus, Enter in a field submits (a real form with a submit button), Escape cancels, and
 * a click beside the dialog does not — a clerk who misses the dialog by a few pixels keeps what she typed.
 * The refusal is shown inside the dialog so she can fix and retry.
 */
export function FormDialog(props: {
  title: string;
  submitLabel: string;
  error: string;
  onSubmit: () => void | Promise<void>;
  onCancel: () => void;
  busy?: boolean;
  submitDisabled?: boolean;
  wide?: boolean;
  children: ReactNode;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (props.busy || props.submitDisabled) return;
    void props.onSubmit();
  };
  useEffect(() => focusFirstField(formRef.current), []);
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onCancel}
      footer={null}
      maskClosable={false}
      width={props.wide ? 980 : 480}
      centered
      destroyOnHidden
      afterOpenChange={(open) => open && focusFirstField(formRef.current)}
    >
      <form ref={formRef} className="form" onSubmit={submit}>
        {props.children}
        {props.error && <Alert type="error" showIcon title={props.error} className="dialog-alert" />}
        <div className="modal-actions">
          <Button onClick={props.onCancel}>取消</Button>
          <Button type="primary" htmlType="submit" loading={props.busy} disabled={props.submitDisabled}>
            {props.submitLabel}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
