// Shown instead of the ledger when its file cannot be used: restore the newest good backup, start empty, or quit.
import { useState } from 'react';
import type { BackupInfo, RecoveryState } from '@shared/channels/backups';
import {
  BACKUP_KIND_LABELS,
  describeBackupContents,
  describeRestore,
  formatFileSize,
  formatLocalDateTime,
} from '@shared/backupFacts';
import { errorMessage, invoke } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { reloadWithMessage } from './afterReload';
import { BackupTable, UnusableBackups } from './BackupTable';

/**
 * What the app shows instead of the ledger when the ledger file cannot be used: the newest backup that
 * passed its check, ready to restore; or an empty ledger; or quitting. The damaged file is never deleted.
 */
export function RecoveryScreen({ state }: { state: RecoveryState }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [choosing, setChoosing] = useState(false);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [others, setOthers] = useState<BackupInfo[] | null>(null);
  const problem = state.problem!;
  const ledgerName = problem.ledgerFile.split(/[\\/]/).pop();

  const restore = async (backup: BackupInfo) => {
    setBusy(true);
    setError('');
    try {
      reloadWithMessage(describeRestore(await invoke('backups:restore', { name: backup.name })));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  const startEmpty = async () => {
    setConfirmEmpty(false);
    setBusy(true);
    try {
      const { movedAside } = await invoke('recovery:startEmpty', {});
      reloadWithMessage(`已另起一个空台账。无法使用的原文件已改名保留为“${movedAside[0] ?? ''}”，可交给技术支持查看。`);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  const chooseOther = async () => {
    setChoosing(true);
    try {
      setOthers((await invoke('backups:list', {})).backups);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const offer = state.offer;
  return (
    <main className="recovery">
      <div className="recovery-panel">
        <h1>台账无法打开</h1>
        <p className="recovery-problem">{problem.message}</p>
        {error && (
          <div className="error-banner" role="alert">
            {error}
          </div>
        )}
        {offer ? (
          <section className="recovery-offer" aria-labelledby="offer-title">
            <h2 id="offer-title">最近一份完好的备份</h2>
            <dl className="backup-facts">
              <dt>备份时间</dt>
              <dd>
                {formatLocalDateTime(offer.takenAt)}（{BACKUP_KIND_LABELS[offer.kind]}）
              </dd>
              <dt>内容</dt>
              <dd>{describeBackupContents(offer)}</dd>
              <dt>最后一次修改</dt>
              <dd>
                {offer.lastChange
                  ? `${formatLocalDateTime(offer.lastChange.at)} ${offer.lastChange.what}`
                  : '没有修改记录'}
              </dd>
              <dt>文件</dt>
              <dd>
                {offer.name}（{formatFileSize(offer.size)}，已通过完整性检查）
              </dd>
            </dl>
            <p className="muted">
              恢复后，无法使用的原文件会改名保留在原文件夹中（“{ledgerName}
              .damaged-日期-时间”），不会删除。备份之后所做的修改需要重新录入或导入。
            </p>
            <button type="button" className="primary" disabled={busy} onClick={() => void restore(offer)}>
              用这份备份恢复台账
            </button>
            {!choosing && (
              <button type="button" className="link" disabled={busy} onClick={() => void chooseOther()}>
                选择其他备份…
              </button>
            )}
          </section>
        ) : (
          <p>“{state.backupsDir}”中没有可用的备份。</p>
        )}
        {choosing && others && <BackupTable backups={others} busy={busy} onRestore={(b) => void restore(b)} />}
        <UnusableBackups unusable={state.unusable} />
        <div className="recovery-actions">
          <button type="button" disabled={busy} onClick={() => setConfirmEmpty(true)}>
            另起一个空台账…
          </button>
          <button type="button" disabled={busy} onClick={() => window.close()}>
            退出督办台账
          </button>
        </div>
      </div>
      {confirmEmpty && (
        <ConfirmDialog
          title="另起一个空台账"
          message="无法使用的原文件会改名保留在原文件夹中，不会删除。新台账是空的：没有单位、任务和推进情况，需要重新录入或导入。如果有备份，建议先从备份恢复。"
          confirmLabel="另起空台账"
          onConfirm={() => void startEmpty()}
          onCancel={() => setConfirmEmpty(false)}
        />
      )}
    </main>
  );
}
