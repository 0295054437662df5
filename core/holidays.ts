// China's national public holidays and make-up working days (调休), as set each year by the
// State Council General Office notice 国务院办公厅关于20XX年部分节假日安排的通知.
//
// `holidays`: every day off in a holiday period, weekend days inside the period included.
// `workdays`: the weekend days on which people work instead (上班).
//
// Only years whose notice has been published are listed. The 2027 notice was not found
// (it is normally issued around November of the year before); until it is added here, dates
// in 2027 count as ordinary weekdays and weekends. Add a year only from its notice.

import type { HolidayCalendar } from './calendar.ts';

export const NATIONAL_CALENDAR_YEARS = [2025, 2026] as const;

export interface HolidayNotice {
  year: (typeof NATIONAL_CALENDAR_YEARS)[number];
  title: string;
  /** Date the notice was issued, YYYY-MM-DD. */
  issued: string;
  documentNumber: string;
  url: string;
}

export const NATIONAL_CALENDAR_SOURCES: readonly HolidayNotice[] = [
  {
    year: 2025,
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    issued: '2024-11-12',
    documentNumber: '国办发明电〔2024〕12号',
    url: 'https://www.gov.cn/zhengce/content/202411/content_6986382.htm',
  },
  {
    year: 2026,
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    issued: '2025-11-04',
    documentNumber: '国办发明电〔2025〕7号',
    url: 'https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
  },
];

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

export const NATIONAL_CALENDAR: HolidayCalendar = {
  holidays: [...HOLIDAYS_2025, ...HOLIDAYS_2026].sort(),
  workdays: [...WORKDAYS_2025, ...WORKDAYS_2026].sort(),
};
