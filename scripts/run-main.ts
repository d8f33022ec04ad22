/**
 * Runs a command-line script's main() and exits with its code. An unexpected error prints its
 * message only: these are operator tools, and a stack trace hides the one line that matters.
 */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
