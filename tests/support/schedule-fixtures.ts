/** Demo site rules: 9-hour shifts on the hour, a paid 15-minute break and an unpaid hour's lunch. */
export const KL_RULES = {
  timeZone: 'Asia/Kuala_Lumpur',
  templates: [
    {
      templateId: 'nine-hours',
      starts: Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`),
      lengthMinutes: 540,
      breaks: [
        { kind: 'break', minutes: 15, paid: true, earliestAfterMinutes: 120, latestAfterMinutes: 150 },
        { kind: 'lunch', minutes: 60, paid: false, earliestAfterMinutes: 240, latestAfterMinutes: 300 },
      ],
    },
  ],
  contracts: [{ contractId: 'full-time', weeklyHours: { min: 32, max: 40 }, daysPerWeek: { min: 4, max: 5 }, restDays: 'two-consecutive', minRestHours: 11, maxConsecutiveDays: 5 }],
  defaultContractId: 'full-time',
};
