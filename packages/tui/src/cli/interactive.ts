/** Whether a person is watching: a terminal on stdout and no CI. Otherwise concur prints plain lines. */
export function isInteractive(stdout: NodeJS.WritableStream, env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  const onCi = ci !== undefined && ci !== '' && ci.toLowerCase() !== 'false' && ci !== '0';
  return !onCi && (stdout as { isTTY?: boolean }).isTTY === true;
}
