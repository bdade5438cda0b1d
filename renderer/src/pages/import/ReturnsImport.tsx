/** Township returns: reading and matching come with the returns reader (issue 5). */
export function ReturnsImport(_props: { onDone: (notice: string, error: string) => void }) {
  return (
    <div className="drop-zone">
      <p>各乡镇（街道）报回的推进情况表（.xlsx、.xls、.csv）导入功能正在开发中。</p>
      <p className="muted">届时可一次拖入多个文件，自动识别填报单位和表头，匹配任务后预览，确认后一次写入，并可整批撤销。</p>
    </div>
  );
}
