// The backups a clerk can restore, newest first, and those that failed their check named for IT.
import type { BackupInfo, UnusableBackup } from '@shared/channels/backups';
import { BACKUP_KIND_LABELS, describeBackupContents, formatFileSize, formatLocalDateTime } from '@shared/backupFacts';

/** The backups a clerk can restore, newest first, with what she chooses by. */
export function BackupTable(props: { backups: BackupInfo[]; busy: boolean; onRestore: (backup: BackupInfo) => void }) {
  if (props.backups.length === 0) return <p className="muted">“backups”文件夹中还没有可用的备份。</p>;
  return (
    <div className="reports-scroll">
      <table className="list compact backup-table" aria-label="可用的备份">
        <thead>
          <tr>
            <th>备份时间</th>
            <th>类型</th>
            <th>大小</th>
            <th>内容</th>
            <th>最后一次修改</th>
            <th>检查</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {props.backups.map((b) => (
            <tr key={b.name} title={b.name}>
              <td className="nowrap">{formatLocalDateTime(b.takenAt)}</td>
              <td className="nowrap">{BACKUP_KIND_LABELS[b.kind]}</td>
              <td className="nowrap">{formatFileSize(b.size)}</td>
              <td>{describeBackupContents(b)}</td>
              <td>{b.lastChange ? `${formatLocalDateTime(b.lastChange.at)} ${b.lastChange.what}` : '没有修改记录'}</td>
              <td className="nowrap ok-text">完好</td>
              <td className="nowrap">
                <button
                  type="button"
                  disabled={props.busy}
                  onClick={() => props.onRestore(b)}
                  aria-label={`从 ${formatLocalDateTime(b.takenAt)} 的备份恢复`}
                >
                  恢复…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Backups that failed their check: named so IT can look, never offered. */
export function UnusableBackups({ unusable }: { unusable: UnusableBackup[] }) {
  if (unusable.length === 0) return null;
  return (
    <div className="unusable-backups">
      <p>以下备份没有通过完整性检查，不能用于恢复：</p>
      <ul>
        {unusable.map((u) => (
          <li key={u.name}>
            {u.name}：{u.problem}
          </li>
        ))}
      </ul>
    </div>
  );
}
