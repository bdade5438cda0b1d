import type { WarningLevel } from '../../../../shared/warningLevel';

export const WARNING_LABELS: Record<WarningLevel, string> = { red: '逾期', yellow: '临期', green: '正常', grey: '已完成' };

/** Colour and a word, so the light still reads on a grey-scale print or for a colour-blind clerk. */
export function WarningLight({ level }: { level: WarningLevel }) {
  return (
    <span className={`light light-${level}`} title={WARNING_LABELS[level]}>
      <span className="light-dot" aria-hidden="true" />
      {WARNING_LABELS[level]}
    </span>
  );
}
