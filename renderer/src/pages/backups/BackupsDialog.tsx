// 文件 → 从备份恢复…: choose a backup to restore; the current ledger is backed up first.
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo, BackupList } from '@shared/channels/backups';
import { describeBackup, describeBackupContents, describeRestore } from '@shared/backupFacts';
import { errorMessage, invoke } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { reloadWithMessage } from './afterReload';
import { BackupTable, UnusableBackups } from './BackupTable';

/** 文件 → 从备份恢复…: the backups beside the ledger; restoring one first saves the current ledger as a backup. */
export function BackupsDialog(props: { onClose: () => void }) {
  const [list, setList] = useState<BackupList | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const load = useCallback(() => invoke('backups:list', {}).then(setList, (err) => setError(errorMessage(err))), []);
  useEffect(() => {
    void load();
  }, [load]);

  const create = async () => {
    setBusy(true);
    setError('');
    try {
      const made = await invoke('backups:create', {});
      setNotice(`已备份当前台账（${describeBackupContents(made)}）。`);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (backup: BackupInfo) => {
    setConfirming(null);
    setBusy(true);
    setError('');
    try {
      reloadWithMessage(describeRestore(await invoke('backups:restore', { name: backup.name })));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
      await load();
    }
  };

  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && !confirming && props.onClose()}>
      <div className="modal wide" role="dialog" aria-modal="true" aria-labelledby="backups-title">
        <div className="detail-head">
          <h2 id="backups-title">从备份恢复</h2>
          <div className="toolbar">
            <button type="button" disabled={busy} onClick={() => void create()}>
              立即备份
            </button>
            <button type="button" onClick={props.onClose}>
              关闭
            </button>
          </div>
        </div>
        <p className="muted">
          恢复时，督办台账会先把当前台账另存为一份“从备份恢复前”的备份，所以恢复之后如需反悔，可以再从那份备份恢复。
          {list && <>备份保存在“{list.backupsDir}”。</>}
        </p>
        {error && (
          <div className="error-banner" role="alert">
            {error}
          </div>
        )}
        {notice && !error && (
          <div className="notice" role="status">
            {notice}
          </div>
        )}
        {list ? (
          <BackupTable backups={list.backups} busy={busy} onRestore={setConfirming} />
        ) : (
          <p className="muted">正在检查备份…</p>
        )}
        {list && <UnusableBackups unusable={list.unusable} />}
      </div>
      {confirming && (
        <ConfirmDialog
          title="从备份恢复台账"
          message={`将用 ${describeBackup(confirming)}（${describeBackupContents(confirming)}）替换当前台账。当前台账会先另存为备份，可随时再恢复回来。`}
          confirmLabel="恢复"
          onConfirm={() => void restore(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </div>
  );
}
