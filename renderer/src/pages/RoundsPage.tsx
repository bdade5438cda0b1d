import { useCallback, useEffect, useState } from 'react';
import type { RoundSummary, RoundView, UnitReportStatus } from '../../../shared/channels/rounds';
import { errorMessage, invoke } from '../api';
import { PageMessages } from '../components/PageMessages';
import { NewRoundDialog } from './rounds/NewRoundDialog';
import { RoundDetail } from './rounds/RoundDetail';
import { UnitReportsDialog } from './rounds/UnitReportsDialog';

export function RoundsPage() {
  const [rounds, setRounds] = useState<RoundSummary[]>([]);
  const [roundId, setRoundId] = useState<number | null>(null);
  const [view, setView] = useState<RoundView | null>(null);
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState<{ unit: UnitReportStatus; typing: boolean } | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const loadRounds = useCallback(async () => {
    try {
      const list = await invoke('rounds:list', {});
      setRounds(list);
      // The newest open round is the one being collected; fall back to the newest of all.
      setRoundId((id) => id ?? ([...list].reverse().find((r) => !r.closed) ?? list.at(-1))?.id ?? null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  const loadView = useCallback(async () => {
    if (roundId === null) return setView(null);
    try {
      setView(await invoke('rounds:view', { id: roundId }));
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [roundId]);
  useEffect(() => {
    void loadRounds();
  }, [loadRounds]);
  useEffect(() => {
    void loadView();
  }, [loadView]);

  const refresh = () => Promise.all([loadRounds(), loadView()]);

  const closeRound = async () => {
    if (!view) return;
    try {
      await invoke('rounds:close', { id: view.round.id });
      setError('');
      setNotice(`已关闭“${view.round.name}”，本轮推进情况不再接受录入。`);
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const deleteRound = async () => {
    if (!view) return;
    const { round } = view;
    try {
      await invoke('rounds:delete', { id: round.id });
      setError('');
      setNotice(`已删除“${round.name}”并移入回收站，需要时可在“回收站”中还原。`);
      const list = await invoke('rounds:list', {});
      setRounds(list);
      setRoundId(([...list].reverse().find((r) => !r.closed) ?? list.at(-1))?.id ?? null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="page page-rounds">
      <div className="page-head">
        <h1>调度轮次</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            新建调度轮次
          </button>
        </div>
      </div>
      <PageMessages error={error} notice={notice} onCloseError={() => setError('')} />
      <div className="rounds-layout">
        <nav className="round-list" aria-label="调度轮次列表">
          {rounds.length === 0 && <p className="muted">还没有调度轮次。</p>}
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
        {view && <RoundDetail view={view} onOpen={(unit, typing) => setOpened({ unit, typing })} onClose={closeRound} onDelete={deleteRound} />}
      </div>
      {creating && (
        <NewRoundDialog
          onCancel={() => setCreating(false)}
          onCreated={async (round) => {
            setCreating(false);
            setError('');
            setNotice(`已新建“${round.name}”。`);
            setRoundId(round.id);
            await loadRounds();
          }}
        />
      )}
      {opened && view && (
        <UnitReportsDialog round={view.round} unit={opened.unit} startTyping={opened.typing} onClose={() => setOpened(null)} onChanged={() => void refresh()} />
      )}
    </section>
  );
}
