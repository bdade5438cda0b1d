// 调度轮次 page: the rounds, and the open one's units, reports and what is still missing.
import { Button, Empty, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { RoundSummary, UnitReportStatus } from '@shared/channels/rounds';
import { AppError, invoke } from '../../api';
import { PageMessages } from '../../components/PageMessages';
import { useUndo } from '../../components/useUndo';
import { useLedgerAction } from '../../hooks/useLedgerAction';
import { useLedgerQuery } from '../../hooks/useLedgerQuery';
import { usePageMessages } from '../../hooks/usePageMessages';
import { UndoButtons } from '../../components/UndoButtons';
import { EditRoundDialog } from './EditRoundDialog';
import { NewRoundDialog } from './NewRoundDialog';
import { RoundDetail } from './RoundDetail';
import { UnitReportsDialog } from './UnitReportsDialog';

/** The newest open round is the one being collected; fall back to the newest of all. */
const roundToShow = (list: RoundSummary[]) => ([...list].reverse().find((r) => !r.closed) ?? list.at(-1))?.id ?? null;

export function RoundsPage() {
  const messages = usePageMessages();
  const { tell } = messages;
  const [roundId, setRoundId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState(false);
  const [opened, setOpened] = useState<{ unit: UnitReportStatus; typing: boolean } | null>(null);
  // The shown round may be gone after 撤销 (its creation undone): show the one being collected then.
  const onRounds = useCallback(
    (list: RoundSummary[]) =>
      setRoundId((id) => (id !== null && list.some((r) => r.id === id) ? id : roundToShow(list))),
    [],
  );
  const roundList = useLedgerQuery('rounds:list', {}, { onError: messages.fail, onData: onRounds });
  const rounds = roundList.data ?? [];
  const roundView = useLedgerQuery('rounds:view', roundId === null ? null : { id: roundId }, {
    // A round undone away is no error: the list, read again beside it, moves on to another round.
    onError: (err: unknown) => {
      if (!(err instanceof AppError && err.code === 'round_not_found')) messages.fail(err);
    },
  });
  const view = roundView.data;
  const action = useLedgerAction(messages);
  const history = useUndo(messages.report, 'rounds');
  const refreshHistory = history.refresh;
  // Every save on this page ends in a notice (or an error): the 撤销 button then names the newest step.
  useEffect(() => {
    void refreshHistory();
  }, [messages, refreshHistory]);

  const refresh = () => Promise.all([roundList.reload(), roundView.reload()]);

  const closeRound = async () => {
    if (!view) return;
    await action.run(() => invoke('rounds:close', { id: view.round.id }), {
      reload: refresh,
      notice: `已关闭“${view.round.name}”，本轮推进情况不再接受录入。`,
    });
  };

  const deleteRound = async () => {
    if (!view) return;
    const { round } = view;
    await action.run(
      async () => {
        await invoke('rounds:delete', { id: round.id });
        const list = await invoke('rounds:list', {});
        roundList.setData(list);
        setRoundId(roundToShow(list));
      },
      { notice: `已删除“${round.name}”并移入回收站，需要时可在“回收站”中还原。` },
    );
  };

  return (
    <section className="page page-rounds">
      <div className="page-head">
        <h1>调度轮次</h1>
        <Space className="toolbar" wrap={false}>
          <Button type="primary" onClick={() => setCreating(true)}>
            新建调度轮次
          </Button>
          <UndoButtons state={history.state} undo={history.undo} redo={history.redo} />
        </Space>
      </div>
      <PageMessages messages={messages} />
      <div className="rounds-layout">
        <nav className="round-list" aria-label="调度轮次列表">
          {rounds.length === 0 && (
            <Empty description="还没有调度轮次。点“新建调度轮次”开始。" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
          {[...rounds].reverse().map((r) => (
            <button
              type="button"
              key={r.id}
              className={r.id === roundId ? 'round-item active' : 'round-item'}
              aria-current={r.id === roundId ? 'true' : undefined}
              onClick={() => setRoundId(r.id)}
            >
              <span className="round-name">{r.name}</span>
              <span className="muted">
                截止 {r.dueOn ?? '—'}　已报 {r.reportedCount}/{r.expectedCount}
                {r.closed ? '　已关闭' : ''}
              </span>
            </button>
          ))}
        </nav>
        {view && (
          <RoundDetail
            view={view}
            onOpen={(unit, typing) => setOpened({ unit, typing })}
            onClose={closeRound}
            onDelete={deleteRound}
            onEdit={() => setEditing(true)}
          />
        )}
      </div>
      {creating && (
        <NewRoundDialog
          onCancel={() => setCreating(false)}
          onCreated={async (round) => {
            setCreating(false);
            tell(`已新建“${round.name}”。`);
            setRoundId(round.id);
            await roundList.reload();
          }}
        />
      )}
      {editing && view && (
        <EditRoundDialog
          round={view.round}
          onCancel={() => setEditing(false)}
          onSaved={(round) => {
            setEditing(false);
            messages.tell(`已保存“${round.name}”。`);
            void refresh();
          }}
        />
      )}
      {opened && view && (
        <UnitReportsDialog
          round={view.round}
          unit={opened.unit}
          startTyping={opened.typing}
          onClose={() => setOpened(null)}
          onChanged={() => {
            void refresh();
            void refreshHistory();
          }}
        />
      )}
    </section>
  );
}
