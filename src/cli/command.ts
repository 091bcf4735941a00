/**
 * One `coursepack` command: the names that run it, the help lines `--help` prints, and its module.
 * Each command is one module in commands/ exporting `run`, listed once in commands/index.ts; the
 * usage text is made from the list.
 */
export interface Command {
  /** Its name first, then other names that run it (`dev` runs `preview`). */
  names: readonly string[];
  /** The help block: the first line shows the arguments, the indented lines the options. */
  usage: string;
  /** The command's module: `run` resolves to the process exit code and throws UsageError for bad arguments. */
  load(): Promise<{ run(args: string[]): Promise<number> }>;
}
