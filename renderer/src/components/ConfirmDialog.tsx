// The one confirmation dialog: a question, 取消 focused first, and the clerk's chosen action.
import { Button, Modal } from 'antd';
import { useEffect, useRef } from 'react';

/**
 * Asks before something that deletes or cannot be taken back. 取消 has the focus, so an Enter pressed out
 * of habit cancels rather than deletes; Escape cancels too; the action is a red button she must choose.
 */
export function ConfirmDialog(props: {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onCancel}
      maskClosable={false}
      width={460}
      centered
      destroyOnHidden
      afterOpenChange={(open) => open && cancelRef.current?.focus()}
      footer={
        <div className="modal-actions">
          <Button ref={cancelRef} onClick={props.onCancel}>
            取消
          </Button>
          <Button danger type="primary" onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </div>
      }
    >
      <p className="confirm-message">{props.message}</p>
    </Modal>
  );
}
