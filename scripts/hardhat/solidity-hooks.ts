/**
 * Solidity build hooks of the project's plugin (see plugin.ts): solc's output without the transient-storage warning
 * where it points into OpenZeppelin Contracts.
 */
import type { SolidityHooks } from "hardhat/types/hooks";
import type { CompilerOutput, CompilerOutputError } from "hardhat/types/solidity";

/** solc's error code for "Transient storage as defined by EIP-1153 can break the composability…". */
export const TRANSIENT_STORAGE_WARNING = "2394";

/** Source names of OpenZeppelin Contracts, as solc sees them (`npm/@openzeppelin/contracts@<version>/…`). */
const OPENZEPPELIN_SOURCE = /(^|\/)@openzeppelin\/contracts(@[^/]+)?\//;

/** The source file a compiler message points at, if any (solc sets it; Hardhat's type leaves it out). */
function sourceFile(error: CompilerOutputError): string | undefined {
  const location = (error as CompilerOutputError & { sourceLocation?: { file?: unknown } }).sourceLocation;
  return typeof location?.file === "string" ? location.file : undefined;
}

/** Whether a compiler message is the transient-storage warning on an OpenZeppelin file. */
export function isOpenZeppelinTransientStorageWarning(error: CompilerOutputError): boolean {
  const file = sourceFile(error);
  return (
    error.severity === "warning" &&
    error.errorCode === TRANSIENT_STORAGE_WARNING &&
    file !== undefined &&
    OPENZEPPELIN_SOURCE.test(file)
  );
}

/**
 * solc's output with OpenZeppelin's transient-storage warnings removed; every other message is kept. When nothing is
 * left, `errors` is left out, as solc does for a clean compile.
 */
export function withoutOpenZeppelinTransientWarnings(output: CompilerOutput): CompilerOutput {
  if (output.errors === undefined) return output;
  const errors = output.errors.filter((error) => !isOpenZeppelinTransientStorageWarning(error));
  if (errors.length > 0) return { ...output, errors };
  const clean = { ...output };
  delete clean.errors;
  return clean;
}

export default async (): Promise<Partial<SolidityHooks>> => ({
  invokeSolc: async (context, compiler, solcInput, solcConfig, next) =>
    withoutOpenZeppelinTransientWarnings(await next(context, compiler, solcInput, solcConfig)),
});
