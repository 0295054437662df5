// China's national public holidays and make-up working days (调休), as data: each year's State
// Council General Office notice 国务院办公厅关于20XX年部分节假日安排的通知, loaded by a national
// administrator through `PUT /v1/calendars/{year}` (the notice is normally issued in November
// of the year before). The 2025 and 2026 notices are built in, as the same data. A year with
// no notice counts the statutory holidays computed from the law (core/statutory-holidays.ts),
// and a working-day deadline that runs into it is provisional until its notice is loaded.
//
// `holidays`: every day off in a holiday period, weekend days inside the period included.
// `workdays`: the weekend days on which people work instead (上班).

import { type HolidayCalendar, NEXT_NOTICE_REACHES_BACK_TO } from './calendar.ts';
import { isRealDate, weekday } from './dates.ts';
import { FESTIVAL_NAMES, STATUTORY_YEARS, statutoryDays } from './statutory-holidays.ts';

export interface CalendarNotice {
  year: number;
  title: string;
  documentNumber: string;
  /** Date the notice was issued, YYYY-MM-DD. */
  issued: string;
  url?: string;
  holidays: string[];
  workdays: string[];
}



/** Every date from `first` to `last`, both included. */
function span(first: string, last: string): string[] {
  const dates: string[] = [];
  const day = new Date(`${first}T00:00:00Z`);
  const end = new Date(`${last}T00:00:00Z`);
  while (day <= end) {
    dates.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return dates;
}

// 2025 (国办发明电〔2024〕12号, 2024-11-12; first year under the revised 全国年节及纪念日放假办法,
// which adds one day each to Spring Festival and Labour Day):
//   元旦 1月1日（周三）放假1天，不调休。
//   春节 1月28日（除夕、周二）至2月4日（正月初七、周二）放假调休，共8天；1月26日（周日）、2月8日（周六）上班。
//   清明节 4月4日（周五）至6日（周日）放假，共3天。
//   劳动节 5月1日（周四）至5日（周一）放假调休，共5天；4月27日（周日）上班。
//   端午节 5月31日（周六）至6月2日（周一）放假，共3天。
//   国庆节、中秋节 10月1日（周三）至8日（周三）放假调休，共8天；9月28日（周日）、10月11日（周六）上班。
const HOLIDAYS_2025 = [
  ...span('2025-01-01', '2025-01-01'),
  ...span('2025-01-28', '2025-02-04'),
  ...span('2025-04-04', '2025-04-06'),
  ...span('2025-05-01', '2025-05-05'),
  ...span('2025-05-31', '2025-06-02'),
  ...span('2025-10-01', '2025-10-08'),
];
const WORKDAYS_2025 = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'];

// 2026 (国办发明电〔2025〕7号, 2025-11-04):
//   元旦 1月1日（周四）至3日（周六）放假调休，共3天；1月4日（周日）上班。
//   春节 2月15日（腊月二十八、周日）至23日（正月初七、周一）放假调休，共9天；2月14日（周六）、2月28日（周六）上班。
//   清明节 4月4日（周六）至6日（周一）放假，共3天。
//   劳动节 5月1日（周五）至5日（周二）放假调休，共5天；5月9日（周六）上班。
//   端午节 6月19日（周五）至21日（周日）放假，共3天。
//   中秋节 9月25日（周五）至27日（周日）放假，共3天。
//   国庆节 10月1日（周四）至7日（周三）放假调休，共7天；9月20日（周日）、10月10日（周六）上班。
const HOLIDAYS_2026 = [
  ...span('2026-01-01', '2026-01-03'),
  ...span('2026-02-15', '2026-02-23'),
  ...span('2026-04-04', '2026-04-06'),
  ...span('2026-05-01', '2026-05-05'),
  ...span('2026-06-19', '2026-06-21'),
  ...span('2026-09-25', '2026-09-27'),
  ...span('2026-10-01', '2026-10-07'),
];
const WORKDAYS_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

export const BUILT_IN_NOTICES: readonly CalendarNotice[] = [
  {
    year: 2025,
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    issued: '2024-11-12',
    documentNumber: '国办发明电〔2024〕12号',
    url: 'https://www.gov.cn/zhengce/content/202411/content_6986382.htm',
    holidays: HOLIDAYS_2025,
    workdays: WORKDAYS_2025,
  },
  {
    year: 2026,
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    issued: '2025-11-04',
    documentNumber: '国办发明电〔2025〕7号',
    url: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
    holidays: HOLIDAYS_2026,
    workdays: WORKDAYS_2026,
  },
];

export interface NoticeProblem {
  field: string;
  reason: string;
}

/**
 * What is wrong with a notice for its year: dates that are not of that year, a day both off
 * and worked, a make-up working day that is not a weekend, or a statutory day outside every
 * holiday period (the notice arranges the law's holidays; it cannot drop one).
 */
export function noticeProblems(notice: Pick<CalendarNotice, 'year' | 'holidays' | 'workdays'>): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  if (notice.year < STATUTORY_YEARS.first || notice.year > STATUTORY_YEARS.last) {
    return [{ field: 'year', reason: `must be from ${STATUTORY_YEARS.first} to ${STATUTORY_YEARS.last}` }];
  }
  // A New Year period may begin in the last days of the year before (NEXT_NOTICE_REACHES_BACK_TO).
  const first = `${notice.year - 1}-${NEXT_NOTICE_REACHES_BACK_TO}`;
  for (const list of ['holidays', 'workdays'] as const) {
    notice[list].forEach((date, i) => {
      if (!isRealDate(date)) problems.push({ field: `${list}[${i}]`, reason: `${date} is not a real date (YYYY-MM-DD)` });
      else if (date < first || date > `${notice.year}-12-31`) problems.push({ field: `${list}[${i}]`, reason: `${date} is outside ${notice.year} (a notice may reach back to ${first})` });
    });
    const seen = new Set<string>();
    notice[list].forEach((date, i) => {
      if (seen.has(date)) problems.push({ field: `${list}[${i}]`, reason: `${date} is listed twice` });
      seen.add(date);
    });
  }
  const off = new Set(notice.holidays);
  notice.workdays.forEach((date, i) => {
    if (!isRealDate(date)) return;
    if (off.has(date)) problems.push({ field: `workdays[${i}]`, reason: `${date} is also a holiday` });
    else if (weekday(date) !== 0 && weekday(date) !== 6) problems.push({ field: `workdays[${i}]`, reason: `${date} is not a Saturday or Sunday: only weekends are made up` });
  });
  for (const day of statutoryDays(notice.year)) {
    if (!off.has(day.date)) problems.push({ field: 'holidays', reason: `${day.date} (${FESTIVAL_NAMES[day.festival]}) is a statutory holiday and must be inside a holiday period` });
  }
  return problems;
}

/**
 * The national calendar of the built-in notices and those loaded since (a loaded notice takes a
 * built-in one's place): their days, and which years they cover.
 */
export function nationalCalendar(loadedNotices: readonly Pick<CalendarNotice, 'year' | 'holidays' | 'workdays'>[]): HolidayCalendar {
  const byYear = new Map([...BUILT_IN_NOTICES, ...loadedNotices].map((n) => [n.year, n]));
  const loaded = [...byYear.values()];
  return {
    holidays: loaded.flatMap((n) => n.holidays).sort(),
    workdays: loaded.flatMap((n) => n.workdays).sort(),
    noticeYears: [...byYear.keys()].sort((a, b) => a - b),
  };
}

/** The national calendar from the built-in notices alone. */
export const NATIONAL_CALENDAR: HolidayCalendar = nationalCalendar([]);
/** The years the built-in notices cover. */
export const NATIONAL_CALENDAR_YEARS = BUILT_IN_NOTICES.map((n) => n.year);

/** From this day of each year (MM-DD) the next year's notice is expected: the State Council issues it in the autumn. */
export const NEXT_NOTICE_EXPECTED_FROM = '11-01';

/**
 * The years whose notice should be loaded by `today` and is not: the current year always, the
 * next one from 1 November. A deadline counted into one of them is provisional.
 */
export function missingNotices(today: string, noticeYears: readonly number[]): number[] {
  const year = Number(today.slice(0, 4));
  const expected = today.slice(5) >= NEXT_NOTICE_EXPECTED_FROM ? [year, year + 1] : [year];
  return expected.filter((y) => !noticeYears.includes(y));
}
