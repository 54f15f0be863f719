// The learner's shell: runs a command written as a template or an argv, prints it and its output, adds the lab's
// labels to the docker commands that create objects, and throws a CommandError (with its hint) when it fails.
// `Lab` uses it for the learner's engine, `PrivateEngine` for its own (every `docker` gets `-H <its socket>`).
import { UsageError } from "../errors.js";
import { CommandError, formatCommand, run, timeouts, type RunResult } from "../exec/run.js";
import { labelInsertPosition, templateToArgv } from "./command-line.js";
import type { LabSession } from "./session.js";

/** A value in a command template: each becomes one argument (arrays: several). */
export type Piece = string | number | readonly (string | number)[];

export interface ShellOptions {
  /** Print nothing (the result is still returned). */
  readonly quiet?: boolean;
  readonly timeout?: number;
}

export class LearnerShell {
  constructor(
    private readonly session: LabSession,
    /** The engine `docker` talks to (`unix:///…`); null: the learner's (DOCKER_HOST). */
    private readonly dockerHost: string | null = null,
    /** How the learner calls it, for the empty-command message (`lab`, `engine`). */
    private readonly callee = "lab",
  ) {}

  /** Run a command written as a template (`${value}` is one argument). */
  sh(strings: TemplateStringsArray, ...values: Piece[]): Promise<RunResult> {
    return this.exec(templateToArgv(strings, values));
  }

  /** Run an argv; prints the command (without the labels it adds) and its output unless quiet. */
  async exec(argv: readonly string[], options: ShellOptions = {}): Promise<RunResult> {
    const [file, ...rest] = argv;
    if (!file) throw new UsageError("Empty command.", { hint: `Write the command, e.g. ${this.callee}.sh\`docker ps\`.` });
    const position = labelInsertPosition(argv);
    const labelled = position < 0 ? rest : [...rest.slice(0, position - 1), ...this.session.labelArgs, ...rest.slice(position - 1)];
    const host = file === "docker" && this.dockerHost ? ["-H", this.dockerHost] : [];
    if (!options.quiet) console.log(`$ ${formatCommand(file, [...host, ...rest])}${position < 0 ? "" : "   # + the lab's labels"}`);
    const result = await run(file, [...host, ...labelled], { timeout: options.timeout ?? timeouts.docker, reject: false });
    if (!options.quiet) {
      if (result.stdout.trim()) console.log(result.stdout.replace(/\n$/, ""));
      if (result.stderr.trim()) console.log(result.stderr.replace(/\n$/, ""));
    }
    if (result.exitCode !== 0) throw new CommandError(result);
    return result;
  }
}
