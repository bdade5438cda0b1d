// 导入 page: township returns, policy documents and the import history, one tab each.
import { useCallback, useState, type DragEvent } from 'react';
import type { DocumentDraft } from '@shared/channels/documents';
import { describeFlagCounts } from '@shared/flagReviewItems';
import { droppedPaths, invoke } from '../../api';
import { PageMessages } from '../../components/PageMessages';
import { useLedgerAction } from '../../hooks/useLedgerAction';
import { usePageMessages } from '../../hooks/usePageMessages';
import { DocumentReview } from './DocumentReview';
import { DocumentList } from './DocumentList';
import { ImportBatchList } from './ImportBatchList';
import { ReturnsImport } from './ReturnsImport';

type Tab = 'returns' | 'document' | 'history';
const TABS: { id: Tab; label: string }[] = [
  { id: 'returns', label: '推进情况表（乡镇报回）' },
  { id: 'document', label: '政策文件（实施方案）' },
  { id: 'history', label: '导入记录' },
];

export function ImportPage() {
  const [tab, setTab] = useState<Tab>('returns');
  const [review, setReview] = useState<DocumentDraft | null>(null);
  const [busy, setBusy] = useState('');
  const messages = usePageMessages();
  const action = useLedgerAction(messages);
  // The sections below read the ledger again whenever one of them reports a change (a notice; an error
  // changed nothing, and reading again on it would repeat a failing read for ever).
  const [version, setVersion] = useState(0);
  const { report: show } = messages;
  const report = useCallback(
    (n: string, e: string) => {
      show(n, e);
      if (n) setVersion((v) => v + 1);
    },
    [show],
  );

  const readDocument = async (run: () => Promise<DocumentDraft | null>, name: string) => {
    setBusy(`正在读取“${name}”……`);
    show('', '');
    const read = await action.run(run);
    setBusy('');
    if (read.ok && read.value) setReview(read.value);
  };
  const onDropDocument = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    // Main reads the file where it lies: only its path crosses.
    if (file)
      void readDocument(async () => {
        const [dropped] = await droppedPaths([file]);
        return invoke('documents:analyze', { path: dropped!.path });
      }, file.name);
  };

  return (
    <section className="page">
      <h1>导入</h1>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <PageMessages messages={messages} />
      {tab === 'returns' && <ReturnsImport onDone={report} />}
      {tab === 'document' &&
        (review ? (
          <DocumentReview
            review={review}
            onCancel={() => setReview(null)}
            onSaved={(o) => {
              setReview(null);
              const flagged = describeFlagCounts(o.flags);
              report(
                `已保存到台账：${o.sections} 个部分、${o.tasks} 项重点任务、${o.items} 项工作内容、${o.groups} 个领导小组，新增 ${o.units} 个责任单位。` +
                  (flagged ? `其中 ${flagged}，请在任务清单中核对补填。` : '') +
                  (o.groupsKept.length
                    ? `领导小组${o.groupsKept.map((n) => `“${n}”`).join('、')}台账中已有，沿用已有的、未重复新建，成员未改动，请在“领导小组”页核对。`
                    : '') +
                  '可在“导入记录”中撤销。',
                '',
              );
            }}
            onUpdated={(o) => {
              setReview(null);
              report(
                `已更新台账中的文件：新增 ${o.added} 项、修改 ${o.changed} 项、移入回收站 ${o.removed} 项，${o.unchanged} 项未变，新增 ${o.units} 个责任单位；已有的推进情况保留。可在“导入记录”中撤销。`,
                '',
              );
            }}
          />
        ) : (
          <div
            className="drop-zone"
            onDragOver={(e) => e.preventDefault()}
            onDrop={onDropDocument}
            aria-label="拖入政策文件"
          >
            <p>把实施方案（Word .docx/.doc、WPS .wps、PDF 或 .txt）拖到这里，或</p>
            <button
              type="button"
              className="primary"
              onClick={() => void readDocument(() => invoke('documents:pick', {}), '所选文件')}
            >
              选择文件…
            </button>
            <p className="muted">
              读取后先预览：文件原文在左，读出的任务、责任单位、时限、目标和领导小组在右；确认后才写入台账。PDF
              须带文字（扫描件读不出文字，请索取 Word 原件）。
            </p>
            {busy && <p role="status">{busy}</p>}
          </div>
        ))}
      {tab === 'document' && !review && <DocumentList version={version} onChanged={report} />}
      {tab === 'history' && <ImportBatchList version={version} onChanged={report} />}
    </section>
  );
}
