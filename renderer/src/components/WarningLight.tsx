// A task's 红黄绿灯 as colour and a word, so it reads in grey-scale print too.
import { WARNING_LABELS, warningLabel, type WarningLevel } from '@shared/warningLevel';

/** Colour and a word, so the light still reads on a grey-scale print or for a colour-blind clerk. */
export function WarningLight({ level }: { level: WarningLevel }) {
  return (
    <span className={`light light-${level}`} title={warningLabel(level)}>
      <span className="light-dot" aria-hidden="true" />
      {WARNING_LABELS[level]}
    </span>
  );
}
