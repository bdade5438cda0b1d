// The one dialog that asks and saves: title, fields, the refusal shown inside it, 取消 and a submit button.
import type { FormEvent, ReactNode } from 'react';

/**
 * The one shape of a dialog that asks and saves: title, fields, the refusal if any, 取消 and a submit
 * button. Escape cancels; the error is shown inside the dialog so the clerk can fix and retry.
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void props.onSubmit();
  };
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <form
        className={`modal form${props.wide ? ' wide' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        onSubmit={submit}
      >
        <h2>{props.title}</h2>
        {props.children}
        {props.error && (
          <div className="error-banner" role="alert">
            {props.error}
          </div>
        )}
        <div className="modal-actions">
          <button type="button" onClick={props.onCancel}>
            取消
          </button>
          <button type="submit" className="primary" disabled={props.busy || props.submitDisabled}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}
