import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CliIo } from './cli-io.js';
import type { CliContext } from './context.js';

/** What a command does once the store is open; resolves to the exit status. */
export type StoreWork = (ctx: CliContext) => Promise<number>;

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
  format: 'table' | 'json' | 'csv';
}

/** One CLI command: the words that name it, its help, its options, and what it does. */
export interface CliCommand {
  words: readonly string[];
  /** The synopsis after `staffcast`, e.g. `plan --from DATE [--weeks N]`. */
  usage: string;
  summary: string;
  /** Help beyond the synopsis: what each option means, what is printed. */
  help: string;
  options: OptionSpec;
  /** `--csv` is offered only by commands with rows to export. */
  csv?: boolean;
  /**
   * Checks the arguments (a UsageError or a 400 of the API's schemas when they are wrong) and gives
   * the work to do on the store, or the exit status when there is none: a wrong command line never
   * opens the store.
   */
  prepare(args: ParsedArgs, io: CliIo): StoreWork | number;
}

const COMMON: OptionSpec = { json: { type: 'boolean' }, csv: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };

/** The command's arguments, or a UsageError naming the unknown option or missing value. */
export function parseCommandArgs(command: CliCommand, args: readonly string[]): ParsedArgs & { help: boolean } {
  let parsed: { values: OptionValues; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: { ...COMMON, ...command.options }, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.json && values.csv) throw new UsageError('give --json or --csv, not both');
  if (values.csv && !command.csv) throw new UsageError('this command has no CSV output; use --json');
  return { values, positionals, format: values.json ? 'json' : values.csv ? 'csv' : 'table', help: values.help === true };
}

/** A whole UTC hour from `2026-11-16` (its midnight UTC) or an ISO date-time, as given otherwise. */
export function fromOption(value: string | undefined, name = 'from'): string {
  if (value === undefined) throw new UsageError(`--${name} is required (a date such as 2026-11-16, or a UTC hour such as 2026-11-16T13:00:00Z)`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
}

/** The horizon in hours from `--weeks N` or `--hours N` (default one week). */
export function horizonOption(values: OptionValues): number {
  if (values.weeks !== undefined && values.hours !== undefined) throw new UsageError('give --weeks or --hours, not both');
  if (values.hours !== undefined) return numberOption(values.hours, 'hours');
  return values.weeks === undefined ? 168 : numberOption(values.weeks, 'weeks') * 168;
}

/** A number option, or a UsageError naming it. */
export function numberOption(value: string | boolean | string[] | undefined, name: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(number)) throw new UsageError(`--${name} must be a number, got ${JSON.stringify(value)}`);
  return number;
}

/** Present options only, so the request schema's defaults apply to the rest. */
export function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A JSON argument: the text itself, or `@FILE` holding it; `what` says what to give when it is missing. */
export function jsonArgument(argument: string | undefined, what: string): unknown {
  if (argument === undefined) throw new UsageError(`give ${what}, as JSON or @FILE`);
  let text = argument;
  if (argument.startsWith('@')) {
    try {
      text = readFileSync(argument.slice(1), 'utf8');
    } catch {
      throw new UsageError(`cannot read ${argument.slice(1)}: check the path`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${argument.startsWith('@') ? argument.slice(1) : 'the argument'} is not JSON (${(error as Error).message})`);
  }
}
