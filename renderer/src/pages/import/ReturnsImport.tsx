// 导入 → 推进情况表: township returns chosen or dropped (main reads and holds them), previewed against a round,
// then written as the clerk decided.
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { RequestOf } from '@shared/channels';
import type { ReturnFieldName } from '@shared/channels/returns';
import type { LedgerSnapshot, ProgressRound, Unit } from '@shared/domain';
import { droppedPaths, invoke } from '../../api';
import { PageMessages } from '../../components/PageMessages';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { usePageMessages } from '../../hooks/usePageMessages';
import { ReturnFilePreview } from './ReturnFilePreview';
import type { LayoutChange } from './ReturnLayoutEditor';
import { initialReview, isWritable, rowsToWrite, type Review } from './returnReview';

const NONE_ROUNDS: ProgressRound[] = [];

/** Reads one file; an answer without its view is told as 操作未完成, like any other failure. */
async function analyzeOne(request: RequestOf<'returns:analyze'>) {
  const [view] = await invoke('returns:analyze', request);
  if (view === undefined) throw new Error('returns:analyze answered without a view');
  return view;
}

/** Main holds each previewed file until it is written or dropped: tell it which ones the page let go of. */
function release(reviews: Review[]) {
  const tokens = reviews.map((r) => r.view.token).filter((t): t is string => t !== null);
  // Nothing to tell the clerk if this fails: main lets unused previews go after a few hours anyway.
  if (tokens.length) invoke('returns:release', { tokens }).catch(() => undefined);
}
const NONE_UNITS: Unit[] = [];

export function ReturnsImport({ onDone }: { onDone: (notice: string, error: string) => void }) {
  const [roundId, setRoundId] = useState<number | null>(null);
  const [reviews, setReviews] = useState<Review[]>([]);
  const [progress, setProgress] = useState('');
  // Errors stay beside the files being read; what was imported is told by the page (onDone).
  const messages = usePageMessages();
  const { fail, clearError } = messages;
  const onSnapshot = useCallback(
    (snap: LedgerSnapshot) => setRoundId((id) => id ?? [...snap.rounds].reverse().find((r) => !r.closed)?.id ?? null),
    [],
  );
  const snapshot = useLedgerQuery('ledger:snapshot', {}, { onError: fail, onData: onSnapshot }).data;
  const rounds = snapshot?.rounds ?? NONE_ROUNDS;
  // Leaving the page lets go of what main holds for the previews still open.
  const open = useRef<Review[]>([]);
  useEffect(() => {
    open.current = reviews;
  }, [reviews]);
  useEffect(() => () => release(open.current), []);
  const units = snapshot?.units ?? NONE_UNITS;

  const analyze = async (files: File[]) => {
    if (roundId === null) return fail('请先选择调度轮次（或在“调度轮次”中新建一轮）。');
    clearError();
    const added: Review[] = [];
    for (const [i, file] of files.entries()) {
      setProgress(`正在读取 ${i + 1}/${files.length}：${file.name}`);
      try {
        // Only the file's path crosses: main reads it there.
        const [dropped] = await droppedPaths([file]);
        const view = await analyzeOne({ roundId, paths: [dropped!.path] });
        added.push(initialReview(view));
      } catch (err) {
        fail(err);
      }
    }
    setProgress('');
    setReviews((list) => [...list, ...added]);
  };
  const pick = async () => {
    if (roundId === null) return fail('请先选择调度轮次（或在“调度轮次”中新建一轮）。');
    setProgress('正在读取所选文件……');
    try {
      const views = await invoke('returns:pick', { roundId });
      setReviews((list) => [...list, ...views.map((v) => initialReview(v))]);
    } catch (err) {
      fail(err);
    } finally {
      setProgress('');
    }
  };
  const changeUnit = async (index: number, unitId: number) => {
    const r = reviews[index];
    if (!r) return;
    if (r.view.token === null || roundId === null) {
      setReviews((list) =>
        list.map((x, i) =>
          i === index
            ? { ...x, view: { ...x.view, unitId, unit: units.find((u) => u.id === unitId)?.name ?? null } }
            : x,
        ),
      );
      return;
    }
    try {
      const view = await invoke('returns:reanalyze', { token: r.view.token, roundId, unitId });
      setReviews((list) => list.map((x, i) => (i === index ? initialReview(view, r.overrides) : x)));
    } catch (err) {
      fail(err);
    }
  };
  /** Re-reads a file with the clerk's header row / column choices for one sheet. */
  const correctLayout = async (index: number, sheet: string, change: LayoutChange) => {
    const r = reviews[index];
    if (!r || r.view.token === null || roundId === null) return;
    const current = r.overrides[sheet] ?? {};
    const layout = r.view.sheets.find((s) => s.name === sheet);
    let columns = { ...(current.columns ?? {}) } as Partial<Record<ReturnFieldName, number>>;
    if (change.column !== undefined) {
      // One field per column: the column's old field is dropped, the chosen one moves here.
      const base = { ...(layout?.columns ?? {}), ...columns } as Partial<Record<ReturnFieldName, number>>;
      columns = Object.fromEntries(Object.entries(base).filter(([, c]) => c !== change.column));
      if (change.field) columns[change.field] = change.column;
    }
    const next = {
      ...r.overrides,
      [sheet]: {
        ...current,
        ...(change.headerRow !== undefined ? { headerRow: change.headerRow } : {}),
        ...(change.column !== undefined ? { columns } : {}),
      },
    };
    try {
      // Main re-reads the file it holds: nothing of it is sent again.
      const view = await invoke('returns:reanalyze', { token: r.view.token, roundId, overrides: next });
      setReviews((list) => list.map((x, i) => (i === index ? initialReview(view, next) : x)));
    } catch (err) {
      fail(err);
    }
  };
  const update = (index: number, change: (r: Review) => Review) =>
    setReviews((list) => list.map((x, i) => (i === index ? change(x) : x)));

  /** The round decides what is already reported: every file is read again against the new one. */
  const switchRound = async (id: number | null) => {
    setRoundId(id);
    if (id === null) return;
    const again: Review[] = [];
    for (const r of reviews) {
      // A file that could not be read stays as it was: there is nothing of it to weigh again.
      if (r.view.token === null) {
        again.push(r);
        continue;
      }
      try {
        // The unit and columns the clerk chose are held with the file and kept.
        const view = await invoke('returns:reanalyze', { token: r.view.token, roundId: id });
        again.push(initialReview(view, r.overrides));
      } catch (err) {
        fail(err);
      }
    }
    setReviews(again);
  };

  const ready = reviews.filter(isWritable);
  const total = ready.reduce((n, r) => n + rowsToWrite(r).length, 0);
  const blanks = reviews.filter((r) => r.view.blank);

  const commit = async () => {
    if (roundId === null) return;
    try {
      const writing = ready.filter((r) => rowsToWrite(r).length > 0);
      const result = await invoke('returns:commit', {
        roundId,
        // By token: main writes the reports it read, and remembers corrected columns for the township.
        files: writing.map((r) => ({ token: r.view.token!, rows: rowsToWrite(r) })),
      });
      const notWritten = [
        ...blanks.map((r) => `${r.view.file}（未填写${r.view.unit ? `，${r.view.unit}仍为未报送` : ''}）`),
        ...result.skippedFiles,
      ];
      // Main let go of the files it wrote; the rest (blank, not confirmed) are dropped with the list.
      release(reviews.filter((r) => !writing.includes(r)));
      setReviews([]);
      onDone(
        `已导入 ${result.rows} 条推进情况（${result.batchIds.length} 个文件）。可在“导入记录”中按文件撤销。` +
          (notWritten.length ? `未导入：${notWritten.join('、')}。` : ''),
        '',
      );
    } catch (err) {
      fail(err);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void analyze([...e.dataTransfer.files]);
  };

  return (
    <div className="returns-import">
      <div className="toolbar">
        <label className="muted">
          调度轮次
          <select
            aria-label="导入到调度轮次"
            value={roundId ?? ''}
            onChange={(e) => void switchRound(e.target.value ? Number(e.target.value) : null)}
          >
            {rounds.map((r) => (
              <option key={r.id} value={r.id} disabled={r.closed}>
                {r.name}
                {r.closed ? '（已关闭）' : ''}
              </option>
            ))}
          </select>
        </label>
        {reviews.length > 0 && (
          <>
            <button
              type="button"
              onClick={() => {
                release(reviews);
                setReviews([]);
              }}
            >
              清空
            </button>
            <button type="button" className="primary" disabled={total === 0} onClick={commit}>
              导入 {total} 条
            </button>
          </>
        )}
      </div>
      <PageMessages messages={messages} />
      <div
        className="drop-zone small-zone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
        aria-label="拖入推进情况表"
      >
        <span>把各单位报回的推进情况表（.xlsx、.xls、.csv，可一次多个）拖到这里，或 </span>
        <button type="button" onClick={pick}>
          选择文件…
        </button>
        {progress && (
          <div role="progressbar" aria-label="读取进度" className="muted">
            {progress}
          </div>
        )}
      </div>
      {reviews.map((r, index) => (
        <ReturnFilePreview
          key={`${r.view.file}-${index}`}
          review={r}
          units={units}
          rounds={rounds}
          roundName={rounds.find((x) => x.id === roundId)?.name ?? ''}
          onChange={(next) => update(index, () => next)}
          onChangeUnit={(unitId) => void changeUnit(index, unitId)}
          onCorrectLayout={(sheet, change) => void correctLayout(index, sheet, change)}
          onSwitchRound={(id) => void switchRound(id)}
          onRemove={() => {
            release([r]);
            setReviews((list) => list.filter((_, i) => i !== index));
          }}
        />
      ))}
    </div>
  );
}
