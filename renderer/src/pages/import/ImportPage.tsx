import { useCallback, useState, type DragEvent } from 'react';
import type { IngestReview } from '../../../../shared/channels/ingest';
import { errorMessage, invoke } from '../../api';
import { PageMessages } from '../../components/PageMessages';
import { DocumentReview } from './DocumentReview';
import { DocumentList } from './DocumentList';
import { ImportBatchList } from './ImportBatchList';
import { fileToBase64 } from './readDroppedFile';
import { ReturnsImport } from './ReturnsImport';

type Tab = 'returns' | 'document' | 'history';
const TABS: { id: Tab; label: string }[] = [
  { id: 'returns', label: '推进情况表（乡镇报回）' },
  { id: 'document', label: '政策文件（实施方案）' },
  { id: 'history', label: '导入记录' },
];

export function ImportPage() {
  const [tab, setTab] = useState<Tab>('returns');
  const [review, setReview] = useState<IngestReview | null>(null);
  const [busy, setBusy] = useState('');
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  const report = useCallback((n: string, e: string) => {
    setNotice(n);
    setError(e);
    setVersion((v) => v + 1);
  }, []);

  const readDocument = async (run: () => Promise<IngestReview | null>, name: string) => {
    setBusy(`正在读取“${name}”……`);
    setError('');
    setNotice('');
    try {
      const r = await run();
      if (r) setReview(r);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy('');
    }
  };
  const onDropDocument = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) void readDocument(async () => invoke('ingest:analyse', { fileName: file.name, dataBase64: await fileToBase64(file) }), file.name);
  };

  return (
    <section className="page">
      <h1>导入</h1>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : ''} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <PageMessages error={error} notice={notice} onCloseError={() => setError('')} />
      {tab === 'returns' && <ReturnsImport onDone={report} />}
      {tab === 'document' &&
        (review ? (
          <DocumentReview
            review={review}
            onCancel={() => setReview(null)}
            onSaved={(o) => {
              setReview(null);
              report(`已保存到台账：${o.sections} 个部分、${o.tasks} 项重点任务、${o.items} 项工作内容、${o.groups} 个领导小组，新增 ${o.units} 个责任单位。可在“导入记录”中撤销。`, '');
            }}
          />
        ) : (
          <div className="drop-zone" onDragOver={(e) => e.preventDefault()} onDrop={onDropDocument} aria-label="拖入政策文件">
            <p>把实施方案（.docx 或 .txt）拖到这里，或</p>
            <button type="button" className="primary" onClick={() => void readDocument(() => invoke('ingest:pick', {}), '所选文件')}>
              选择文件…
            </button>
            <p className="muted">读取后先预览：文件原文在左，读出的任务、责任单位、时限、目标和领导小组在右；确认后才写入台账。.doc 请先另存为 .docx，PDF 请复制文字保存为 .txt。</p>
            {busy && <p role="status">{busy}</p>}
          </div>
        ))}
      {tab === 'document' && !review && <DocumentList version={version} onChanged={report} />}
      {tab === 'history' && <ImportBatchList version={version} onChanged={report} />}
    </section>
  );
}
