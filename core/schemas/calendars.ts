// The national holiday calendar, year by year: a year's days off and the State Council notice.
import { z } from 'zod';
import { FESTIVALS, STATUTORY_YEARS } from '../statutory-holidays.ts';
import { LocalDate, text } from './common.ts';

export const CalendarParams = z.strictObject({
  year: z.coerce
    .number({ message: 'must be a year' })
    .int('must be a year')
    .min(STATUTORY_YEARS.first, `must be from ${STATUTORY_YEARS.first}`)
    .max(STATUTORY_YEARS.last, `must be at most ${STATUTORY_YEARS.last}`),
});

export const CalendarNoticeRequest = z
  .strictObject({
    title: text(200).meta({ example: '国务院办公厅关于2027年部分节假日安排的通知' }),
    documentNumber: text(100).meta({ example: '国办发明电〔2026〕9号' }),
    issued: LocalDate.meta({ description: 'The date the notice was issued' }),
    url: z.url('must be a URL').max(500).optional(),
    holidays: z.array(LocalDate).min(1, 'must list the days off').max(100).meta({ description: 'Every day off in the holiday periods, weekends inside them included' }),
    workdays: z.array(LocalDate).max(30).meta({ description: 'The weekend days worked instead (调休)' }),
  })
  .meta({ id: 'CalendarNoticeRequest', description: "A year's State Council notice on its holiday arrangements" });

export const CalendarYear = z
  .object({
    year: z.number().int(),
    source: z.enum(['notice', 'statutory']).meta({
      description: '`notice`: the State Council notice for the year is loaded; `statutory`: computed from the law (its make-up working days are not known yet)',
    }),
    notice: z
      .object({ title: z.string(), documentNumber: z.string(), issued: LocalDate, url: z.string().optional(), builtIn: z.boolean(), loadedAt: z.iso.datetime().optional(), loadedBy: z.string().optional() })
      .optional(),
    holidays: z.array(LocalDate),
    workdays: z.array(LocalDate),
    statutory: z.array(z.object({ date: LocalDate, festival: z.enum(FESTIVALS) })).meta({ description: 'The statutory days off of the year, by festival' }),
    moved: z.number().int().optional().meta({ description: 'On PUT: open provisional deadlines queued to be counted again with the notice' }),
  })
  .meta({ id: 'CalendarYear' });
