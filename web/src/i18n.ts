// The console's words: Chinese first, English on request.
export type Lang = 'zh' | 'en';

const WORDS = {
  title: ['流动人口登记', 'liudong registration'],
  signIn: ['登录', 'Sign in'],
  signOut: ['退出', 'Sign out'],
  demoAccounts: ['本地演示账号（仅本地环境）', 'Demo accounts (local stack only)'],
  cases: ['案件列表', 'Cases'],
  register: ['登记来人', 'Register an arrival'],
  check: ['证明核验', 'Certificate check'],
  type: ['类型', 'Type'],
  state: ['状态', 'State'],
  person: ['当事人', 'Person'],
  deadline: ['期限', 'Deadline'],
  daysLeft: ['剩余天数', 'Days left'],
  overdue: ['已逾期', 'Overdue'],
  onlyOverdue: ['只看逾期', 'Overdue only'],
  history: ['办理记录', 'History'],
  actions: ['可办操作', 'Actions'],
  name: ['姓名', 'Name'],
  idNumber: ['身份证号', 'ID number'],
  phone: ['手机号', 'Phone'],
  originCode: ['原籍地代码', 'Origin code'],
  destinationCode: ['居住地代码', 'Destination code'],
  arrivalDate: ['到达日期', 'Arrival date'],
  expectedStayDays: ['预计居住天数', 'Expected stay (days)'],
  submit: ['提交', 'Submit'],
  reason: ['理由', 'Reason'],
  note: ['备注', 'Note'],
  items: ['需补充材料（每行一项）', 'Items to supply (one per line)'],
  certificateNumber: ['证明编号', 'Certificate number'],
  optionalIdNumber: ['身份证号（可选，核对持有人）', 'ID number (optional, confirms the holder)'],
  result: ['核验结果', 'Result'],
  language: ['English', '中文'],
  open: ['打开', 'Open'],
  reload: ['重新载入', 'Reload'],
  conflict: ['案件已被他人更新，请重新载入。', 'The case changed meanwhile: reload it.'],
} as const satisfies Record<string, readonly [string, string]>;

export type Word = keyof typeof WORDS;
export const t = (lang: Lang, word: Word) => WORDS[word][lang === 'zh' ? 0 : 1];
