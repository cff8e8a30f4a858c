/** The form of each assumption kind: one field per property of the API's Assumption schema. */
import { addDays } from '../time';

export type FieldKind = 'text' | 'number' | 'date' | 'datetime' | 'list' | 'numbers' | 'select' | 'json';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: string[];
  /** The value the field starts with, as typed. */
  initial?: string;
  hint?: string;
}

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const nightShift = { start: '21:00', end: '06:00', breaks: [] };
const shiftsWeek = Object.fromEntries(WEEK.map((d, i) => [d, i < 5 ? [nightShift] : []]));
const coverageWeek = Object.fromEntries(WEEK.map((d, i) => [d, i < 5 ? [['08:00', '20:00']] : []]));

/** Field specs per kind; `from` and the queue picks of the page fill the dates and queue lists. */
export function assumptionSpecs(from: string, to: string, queueIds: string[]): Record<string, FieldSpec[]> {
  const queues = queueIds.join(', ');
  const month = from.slice(0, 7);
  return {
    'volume-multiplier': [
      { name: 'factor', label: 'Volume factor (1.2 = +20%)', kind: 'number', required: true, initial: '1.2' },
      { name: 'from', label: 'From (ISO instant)', kind: 'datetime', required: true, initial: `${from}T00:00:00Z` },
      { name: 'to', label: 'To (ISO instant)', kind: 'datetime', required: true, initial: `${to}T00:00:00Z` },
      { name: 'queueIds', label: 'Queues (comma-separated; empty = all)', kind: 'list', initial: queues },
      { name: 'markets', label: 'Markets', kind: 'list' },
      { name: 'categories', label: 'Categories', kind: 'list' },
    ],
    'aht-change': [
      { name: 'percent', label: 'AHT change, percent (15 = 15% longer)', kind: 'number', required: true, initial: '15' },
      { name: 'queueIds', label: 'Queues (empty = all)', kind: 'list', initial: queues },
      { name: 'from', label: 'From (optional ISO instant)', kind: 'datetime' },
      { name: 'to', label: 'To (optional ISO instant)', kind: 'datetime' },
    ],
    launch: [
      { name: 'name', label: 'Name', kind: 'text', required: true, initial: 'Hypothetical launch' },
      { name: 'launchKind', label: 'Kind', kind: 'select', options: ['product', 'campaign', 'regulatory', 'incident', 'other'], initial: 'product' },
      { name: 'markets', label: 'Markets (empty = all)', kind: 'list', initial: 'US' },
      { name: 'channels', label: 'Channels (empty = all)', kind: 'list' },
      { name: 'categories', label: 'Categories (empty = all)', kind: 'list', initial: 'kyc' },
      { name: 'startsAt', label: 'Starts at (ISO instant)', kind: 'datetime', required: true, initial: `${from}T13:00:00Z` },
      { name: 'endsAt', label: 'Ends at (ISO instant)', kind: 'datetime', required: true, initial: `${addDays(from, 3)}T13:00:00Z` },
      { name: 'uplift', label: 'Uplift (JSON)', kind: 'json', required: true, initial: '{ "kind": "percent", "percent": 100 }', hint: '{ "kind": "percent", "percent": 100 } or { "kind": "extra-tickets", "tickets": 500 }' },
      { name: 'profile', label: 'Profile', kind: 'select', options: ['flat', 'spike-decay'], initial: 'flat' },
    ],
    'service-target': [
      { name: 'queueIds', label: 'Queues', kind: 'list', required: true, initial: queues },
      { name: 'target', label: 'Target (JSON)', kind: 'json', required: true, initial: '{ "kind": "sl", "percent": 90, "seconds": 30 }', hint: 'live: { "kind": "sl", "percent", "seconds" }; async: { "kind": "response", "hours" }' },
    ],
    shrinkage: [
      { name: 'shrinkage', label: 'Shrinkage (0.35 = 35%)', kind: 'number', required: true, initial: '0.35' },
      { name: 'queueIds', label: 'Queues (empty = all)', kind: 'list', initial: queues },
    ],
    hires: [
      { name: 'count', label: 'Agents hired', kind: 'number', required: true, initial: '5' },
      { name: 'siteId', label: 'Site', kind: 'text', required: true, initial: 'kul' },
      { name: 'timeZone', label: "Site's time zone", kind: 'text', required: true, initial: 'Asia/Kuala_Lumpur' },
      { name: 'skills', label: 'Skills', kind: 'list', required: true, initial: 'chat' },
      { name: 'startDate', label: 'Start date', kind: 'date', required: true, initial: from },
      { name: 'shifts', label: 'Weekly shifts in the site zone (JSON)', kind: 'json', required: true, initial: JSON.stringify(shiftsWeek) },
      { name: 'contractedHoursPerWeek', label: 'Contracted hours a week', kind: 'number', initial: '40' },
      { name: 'hourlyCost', label: 'Hourly cost (JSON, optional)', kind: 'json', initial: '{ "amount": 12, "currency": "USD" }' },
      { name: 'ramp', label: 'Ramp by week (fractions)', kind: 'numbers', initial: '0.25, 0.5, 0.75' },
    ],
    attrition: [
      { name: 'monthlyRate', label: 'Monthly attrition (0.05 = 5%)', kind: 'number', required: true, initial: '0.05' },
      { name: 'from', label: 'From date', kind: 'date', required: true, initial: from },
      { name: 'siteIds', label: 'Sites (empty = all)', kind: 'list' },
    ],
    'local-team-move': [
      { name: 'market', label: 'Market (optional)', kind: 'text', initial: 'US' },
      { name: 'timeZone', label: "Local team's time zone", kind: 'text', required: true, initial: 'America/New_York' },
      { name: 'coverage', label: 'Coverage hours per weekday, local (JSON)', kind: 'json', required: true, initial: JSON.stringify(coverageWeek) },
      { name: 'takeover', label: 'Takeover phases (JSON)', kind: 'json', required: true, initial: JSON.stringify([{ queueIds: queueIds.slice(0, 1), fromMonth: month, share: 0.5 }]) },
    ],
  };
}

/** The typed value of one field, or undefined when left empty; throws a message naming the field. */
export function fieldValue(spec: FieldSpec, raw: string): unknown {
  const text = raw.trim();
  if (text === '') {
    if (spec.required) throw new Error(`${spec.name}: required`);
    return undefined;
  }
  switch (spec.kind) {
    case 'number': {
      const n = Number(text);
      if (!Number.isFinite(n)) throw new Error(`${spec.name}: must be a number`);
      return n;
    }
    case 'list':
      return text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    case 'numbers':
      return text.split(',').map((s) => {
        const n = Number(s.trim());
        if (!Number.isFinite(n)) throw new Error(`${spec.name}: must be numbers separated by commas`);
        return n;
      });
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new Error(`${spec.name}: is not valid JSON`);
      }
    default:
      return text;
  }
}
