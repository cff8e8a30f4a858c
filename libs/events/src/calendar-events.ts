import { z } from 'zod';
import { DisplayName, IsoDate, MarketCode } from './primitives.js';

/** HolidayDeclared v1: a public holiday in a market, a local calendar date in that market. */
export const HolidayDeclaredData = z.strictObject({ market: MarketCode, date: IsoDate, name: DisplayName });
export type HolidayDeclaredData = z.infer<typeof HolidayDeclaredData>;
