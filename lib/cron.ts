// The wiring writes schedules as five-field cron; EventBridge Scheduler wants its own
// six-field form, where one of day-of-month and day-of-week must be `?` and Sunday is 1.

const step = (field: string, first: string) => field.replace(/^\*\//, `${first}/`);

export function toAwsCron(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`expected five cron fields, got "${cron}"`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  if (dayOfMonth !== '*' && dayOfWeek !== '*') {
    throw new Error(`EventBridge cannot combine day-of-month and day-of-week: "${cron}"`);
  }
  const awsDayOfWeek = dayOfWeek === '*' ? '?' : dayOfWeek.replace(/\d/g, (d) => String(((Number(d) % 7) + 1)));
  const awsDayOfMonth = dayOfWeek === '*' ? step(dayOfMonth, '1') : '?';
  return `cron(${step(minute, '0')} ${step(hour, '0')} ${awsDayOfMonth} ${step(month, '1')} ${awsDayOfWeek} *)`;
}
