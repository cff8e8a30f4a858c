import { EXIT, describeFailure, type CliIo } from './cli-io.js';
import { parseCommandArgs, type CliCommand } from './command.js';
import type { CliContext } from './context.js';
import { forecastCommand } from './forecast.command.js';
import { importTicketsCommand } from './import-tickets.command.js';
import { localTeamCommands } from './local-team.command.js';
import { planCommand } from './plan.command.js';
import { projectionsRebuildCommand } from './projections.command.js';
import { scenarioCommands } from './scenario.command.js';
import { scheduleCommands } from './schedule.command.js';

export const COMMANDS: readonly CliCommand[] = [importTicketsCommand, forecastCommand, planCommand, ...scenarioCommands, ...localTeamCommands, ...scheduleCommands, projectionsRebuildCommand];

const EXIT_CODES = `exit status: 0 done, 1 the work failed, 2 usage (unknown command or option, a value refused),
3 not found, 4 conflict with what is recorded (nothing was written)`;

/** The overview `staffcast --help` prints. */
export function overview(): string {
  const rows = COMMANDS.map((c) => `  ${c.words.join(' ').padEnd(22)}${c.summary}`);
  return `staffcast: Staffcast's planner on the store STORE_URL names (default sqlite:./var/staffcast.db), without the HTTP server

usage: staffcast COMMAND [OPTIONS]   (or: npm run cli -- COMMAND [OPTIONS])

${rows.join('\n')}

Every command takes --help, and --json for scripts; commands with rows take --csv.
Tables go to stdout, progress and messages to stderr.
${EXIT_CODES}
`;
}

function helpOf(command: CliCommand): string {
  const formats = command.csv ? '[--json|--csv]' : '[--json]';
  return `usage: staffcast ${command.usage.includes('--json') ? command.usage : `${command.usage} ${formats}`}\n\n${command.summary}\n\n${command.help}\n\n${EXIT_CODES}\n`;
}

/** The command the arguments name (the longest match of its words) and the rest of the arguments. */
function findCommand(argv: readonly string[]): { command: CliCommand; rest: string[] } | undefined {
  const matches = COMMANDS.filter((c) => c.words.every((w, i) => argv[i] === w)).sort((a, b) => b.words.length - a.words.length);
  const command = matches[0];
  return command ? { command, rest: argv.slice(command.words.length) } : undefined;
}

/**
 * Runs one command line and returns the exit status. The store is opened only once the arguments
 * are understood, and closed however the command ends.
 */
export async function runCli(argv: readonly string[], io: CliIo, open: () => Promise<CliContext>): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.out(overview());
    return EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    const group = COMMANDS.filter((c) => c.words[0] === argv[0]).map((c) => c.words.join(' '));
    const hint = group.length > 0 ? `; did you mean ${group.join(', ')}?` : '; run staffcast --help for the list';
    io.err(`staffcast: unknown command ${JSON.stringify(argv.slice(0, 2).join(' '))}${hint}\n`);
    return EXIT.usage;
  }
  const { command, rest } = found;
  const name = command.words.join(' ');
  let ctx: CliContext | undefined;
  try {
    const args = parseCommandArgs(command, rest);
    if (args.help) {
      io.out(helpOf(command));
      return EXIT.ok;
    }
    const work = command.prepare(args, io);
    if (typeof work === 'number') return work;
    ctx = await open();
    return await work(ctx);
  } catch (error) {
    const failure = describeFailure(name, error);
    io.err(failure.code === EXIT.usage ? `${failure.message}  (staffcast ${name} --help shows the options)\n` : failure.message);
    return failure.code;
  } finally {
    await ctx?.close();
  }
}
