import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { failureExitCode, findCommand, isExpectedFailure, usage } from './commands.ts';

async function main(argv: string[]): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    if (argv.length > 0 && argv[0] !== 'help' && argv[0] !== '--help') {
      console.error(`Unknown command "${argv.join(' ')}".\n`);
      console.error(usage());
      return 2;
    }
    console.log(usage());
    return 0;
  }
  const { command, args } = found;
  const parsed = parseArgs({
    args,
    options: command.options ?? {},
    allowPositionals: true,
    strict: true,
  });
  return command.run(parsed, () => loadConfig());
}

main(process.argv.slice(2))
  .then((code) => {
    if (code !== 0) process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (isExpectedFailure(error)) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exitCode = failureExitCode(error);
  });
