/**
 * One `coursepack` command: its name, the help lines `--help` prints, and what it runs. Each
 * command is one module in commands/, listed once in main.ts; the usage text is made from the list.
 */
export interface Command {
  name: string;
  /** Other names that run it (e.g. `dev` for `preview`). */
  aliases?: readonly string[];
  /** The help block: the first line shows the arguments, the indented lines the options. */
  usage: string;
  /** Runs the command; resolves to the process exit code. Throws UsageError for bad arguments. */
  run(args: string[]): Promise<number>;
}
