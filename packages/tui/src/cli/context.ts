/** What a command reads from the world; tests and the binary fill it differently. */
export interface CliContext {
  /** Where relative paths start and where discovery looks for the project. */
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}
