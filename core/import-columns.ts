// What a bulk filing's CSV must hold: its columns (each under any of its headings) and its limits.
// Apart from the reader so the console can show them without the reader's Node stream code.
export const IMPORT_COLUMNS = {
  name: ['name', '姓名'],
  idNumber: ['idNumber', '身份证号', '身份证号码', '公民身份号码'],
  phone: ['phone', '手机号', '手机号码', '联系电话'],
  originCode: ['originCode', '户籍地代码', '原籍地代码'],
  arrivalDate: ['arrivalDate', '到达日期'],
  expectedStayDays: ['expectedStayDays', '预计居住天数'],
  premises: ['premises', '住所', '居住地址'],
} as const;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;
/** Every column is required: the premises is where the person lives (以房管人). */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['name', 'idNumber', 'phone', 'originCode', 'arrivalDate', 'expectedStayDays', 'premises'];

/** Files up to this size and row count are accepted (the figures). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;
