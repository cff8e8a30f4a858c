import type { Api, QueueListing } from './api';

/** What the planner picked: queues, a date range [from, to) of UTC days, and the zone charts are read in. */
export interface Filters {
  queueIds: string[];
  /** YYYY-MM-DD, the first UTC day. */
  from: string;
  /** YYYY-MM-DD, the day after the last one. */
  to: string;
  /** 'queue' reads every queue in its own local time; otherwise an IANA zone for all. */
  zone: string;
}

export interface ViewProps {
  api: Api;
  queues: QueueListing[];
  filters: Filters;
  role: string;
}

/** The zone a queue's hours are shown in under the filters. */
export function displayZone(filters: Filters, queue: QueueListing | undefined): string {
  return filters.zone === 'queue' ? (queue?.timeZone ?? 'UTC') : filters.zone;
}

export const ZONE_CHOICES = ['queue', 'UTC', 'Asia/Kuala_Lumpur', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Australia/Sydney', 'Australia/Brisbane', 'Australia/Perth'];

/** Hours in the picked range. */
export const rangeHours = (f: Filters): number => Math.round((Date.parse(`${f.to}T00:00:00Z`) - Date.parse(`${f.from}T00:00:00Z`)) / 3_600_000);
