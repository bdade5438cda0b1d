// Asked before saving a review with flagged items: save them as they are, or go back and check them.
import { useEffect, useRef } from 'react';
import { describeFlagCounts, type ReviewFlagCounts } from '@shared/flagReviewItems';

/**
 * Asked once before a review with flagged items is saved. Items lacking a lead or marked 需核对 can be saved
 * as they are; a unit that is neither known nor ticked 新增 cannot (the ledger would not know whom it
 * assigns the work to), so then only 返回核对 is offered.
 */
export function FlagConfirmDialog(props: {
  counts: ReviewFlagCounts;
  action: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    backRef.current?.focus();
  }, []);
  const { counts } = props;
  const canSave = counts.unknownUnit === 0;
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="flag-confirm-title">
        <h2 id="flag-confirm-title">还有需要核对的项</h2>
        <p>
          本次要{props.action}的任务中：{describeFlagCounts(counts)}。
        </p>
        <ul className="flag-confirm-list">
          {counts.noLead > 0 && <li>缺牵头单位的 {counts.noLead} 项会照原样保存，之后可在任务清单中补填牵头单位。</li>}
          {counts.doubt > 0 && <li>需核对的 {counts.doubt} 项是读取时不能确定的内容，请确认与原文一致。</li>}
          {counts.unknownUnit > 0 && (
            <li className="danger-text">
              单位未识别的 {counts.unknownUnit} 项必须先处理：在“新的责任单位”中勾选新增，或把单位改成台账中已有的名称。
            </li>
          )}
        </ul>
        <div className="modal-actions">
          <button type="button" ref={backRef} onClick={props.onCancel}>
            返回核对
          </button>
          {canSave && (
            <button type="button" className="primary" onClick={props.onConfirm}>
              仍然保存
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
