// What a file sent to the office may cost to read. A township return is a table of at most a few
// hundred rows and a policy document a few dozen pages: every limit here is far above that, and far
// below what freezes a desktop PC. A file beyond one is refused with a message that names the limit.

/** Returns: the file itself. */
export const RETURN_MAX_BYTES = 20 * 1024 * 1024;
/** Policy documents (.docx with photos of the signed original can be large). */
export const DOCUMENT_MAX_BYTES = 30 * 1024 * 1024;

/** Rows of all sheets of a return together, and of any one sheet as the file declares it. */
export const MAX_ROWS = 20_000;
/** Columns of a sheet: as many as a legacy .xls can hold (IV). */
export const MAX_COLUMNS = 256;
/** Rows × columns of one sheet, and the cells its merged ranges cover together. */
export const MAX_CELLS = 1_000_000;
/** Characters in one cell: Excel's own maximum. */
export const MAX_CELL_CHARS = 32_767;

/** Parts inside a zip (.xlsx, .docx): a workbook of a hundred sheets has a few hundred. */
export const MAX_ZIP_ENTRIES = 2_000;
/** Bytes of a zip's parts once inflated, all together. */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

/** Paragraphs of a .docx (a 300-page plan has about 10,000), and characters of a document's text. */
export const MAX_PARAGRAPHS = 50_000;
export const MAX_TEXT_CHARS = 2_000_000;
/** Pages of a PDF: a long plan with its appendices runs to a hundred or two. */
export const MAX_PDF_PAGES = 1_000;

/** One file's reading and analysis in the reader worker, before it is stopped. */
export const READ_TIMEOUT_MS = 30_000;
/** The reader worker's JavaScript heap. */
export const READER_HEAP_MB = 1024;

export const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
