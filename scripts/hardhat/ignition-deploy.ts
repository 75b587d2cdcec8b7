/**
 * `ignition deploy`, unchanged on a terminal. Elsewhere (CI, a log file, a pipe) its output is passed through
 * {@link IgnitionLogFilter}, so that each batch prints once and every line ends.
 */
import type { HardhatRuntimeEnvironment } from "hardhat/types/hre";
import type { TaskArguments } from "hardhat/types/tasks";

const BATCH_HEADER = /^\s*Batch #(\d+)\n/;
const STARTING_LINE = /Hardhat Ignition starting for \[ [^\]]* \]\.\.\.$/;

/**
 * Rewrites Ignition's display for output that cannot be redrawn. On a terminal Ignition redraws the current batch in
 * place as each step finishes; elsewhere every redraw is printed again. The filter holds the latest drawing of a batch
 * and prints it when something else follows, so each batch appears once, in its final state. Ignition's starting line
 * is written without a line break (a terminal clears it): the filter ends it.
 */
export class IgnitionLogFilter {
  #pending: string | undefined;

  constructor(private readonly write: (text: string) => void) {}

  /** Takes one chunk Ignition wrote to stdout. */
  push(text: string): void {
    if (BATCH_HEADER.test(text)) {
      const pendingBatch = this.#pending === undefined ? undefined : BATCH_HEADER.exec(this.#pending)?.[1];
      if (pendingBatch !== undefined && pendingBatch !== BATCH_HEADER.exec(text)?.[1]) this.flush();
      this.#pending = text;
      return;
    }
    this.flush();
    this.write(STARTING_LINE.test(text) ? `${text}\n` : text);
  }

  /** Prints the batch held back, if any. */
  flush(): void {
    if (this.#pending === undefined) return;
    this.write(this.#pending);
    this.#pending = undefined;
  }
}

export default async function deployWithPlainOutput(
  taskArguments: TaskArguments,
  _hre: HardhatRuntimeEnvironment,
  runSuper: (taskArguments: TaskArguments) => Promise<unknown>,
): Promise<unknown> {
  if (process.stdout.isTTY === true) return runSuper(taskArguments);
  const stdout = process.stdout;
  const originalWrite = stdout.write.bind(stdout);
  const filter = new IgnitionLogFilter((text) => {
    originalWrite(text);
  });
  stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    filter.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = rest.find((argument): argument is () => void => typeof argument === "function");
    callback?.();
    return true;
  }) as typeof stdout.write;
  try {
    return await runSuper(taskArguments);
  } finally {
    filter.flush();
    stdout.write = originalWrite;
  }
}
