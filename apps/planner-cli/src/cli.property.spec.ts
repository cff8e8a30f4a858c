import fc from 'fast-check';
import { COMMANDS, runCli } from './cli.js';
import type { CliContext } from './context.js';

/** A command line that must be refused before any store is opened. */
async function refused(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, (): Promise<CliContext> => {
    throw new Error(`opened a store for ${JSON.stringify(argv)}`);
  });
  return { code, out, err };
}

const optionName = fc.stringMatching(/^[a-z][a-z-]{0,15}$/);

describe('CLI usage errors (property)', () => {
  it('refuses an unknown option of any command with exit 2, naming it, before opening the store', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMANDS), optionName, async (command, name) => {
        fc.pre(!(name in command.options) && !['json', 'csv', 'help'].includes(name));
        const { code, out, err } = await refused([...command.words, `--${name}`]);
        expect({ code, out }).toEqual({ code: 2, out: '' });
        expect(err).toBe(`${command.words.join(' ')}: Unknown option '--${name}'\n  (staffcast ${command.words.join(' ')} --help shows the options)\n`);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a horizon that is not a number with exit 2, naming the option', async () => {
    const planLike = COMMANDS.filter((c) => 'weeks' in c.options && 'from' in c.options);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...planLike), fc.constantFrom('weeks', 'hours'), fc.string({ maxLength: 12 }), async (command, option, value) => {
        fc.pre(!Number.isFinite(Number(value)) || value.trim() === '');
        const { code, err } = await refused([...command.words, 'some-id', '--from', '2026-11-16', `--${option}=${value}`]);
        expect(code).toBe(2);
        expect(err).toContain(`--${option} must be a number, got ${JSON.stringify(value)}`);
      }),
      { numRuns: 200 },
    );
  });

  it('never opens the store for --help, and prints the synopsis', async () => {
    for (const command of COMMANDS) {
      const { code, out } = await refused([...command.words, '--help']);
      expect(code).toBe(0);
      expect(out.startsWith(`usage: staffcast ${command.words.join(' ')}`)).toBe(true);
    }
  });
});
