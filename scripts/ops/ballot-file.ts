/**
 * The signed ballot: its EIP-712 types (OpenZeppelin's Ballot, or ExtendedBallot when there is a reason; params are
 * always empty) and its file format, `gc-governance/ballot@1`. The CLI (ballots.ts) signs, reads and relays these
 * files with ethers; the portal does the same with viem; both take the types and the format from here.
 *
 * The file imports only zod and uses only erasable TypeScript, so the browser bundle and plain `node` import it too.
 * The file's shape is a zod schema written with `zod/mini`, whose unused functions the portal's bundler drops: it adds
 * about 5 kB gzipped to the portal's Motion page, where the full zod API would add 22 kB (past the page's budget).
 */
import * as z from "zod/mini";

/** The file format's name and version. */
export const BALLOT_FORMAT = "gc-governance/ballot@1";

/** A signed ballot, as written to a file (numbers as decimal strings). */
export interface Ballot {
  format: typeof BALLOT_FORMAT;
  chainId: string;
  governor: string;
  proposalId: string;
  support: number;
  voter: string;
  nonce: string;
  /** Empty for a plain Ballot; otherwise the ExtendedBallot's reason (params are always empty). */
  reason: string;
  signature: string;
}

/** OpenZeppelin Governor's `Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)`. */
export const BALLOT_TYPES = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

/** OpenZeppelin Governor's `ExtendedBallot(…, string reason, bytes params)`. */
export const EXTENDED_BALLOT_TYPES = {
  ExtendedBallot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "reason", type: "string" },
    { name: "params", type: "bytes" },
  ],
} as const;

/** The typed data a ballot signs (without the domain, which the governor reports through ERC-5267). */
export function ballotTypedData(b: Ballot) {
  const message = {
    proposalId: BigInt(b.proposalId),
    support: b.support,
    voter: b.voter as `0x${string}`,
    nonce: BigInt(b.nonce),
  };
  return b.reason === ""
    ? ({ primaryType: "Ballot", types: BALLOT_TYPES, message } as const)
    : ({
        primaryType: "ExtendedBallot",
        types: EXTENDED_BALLOT_TYPES,
        message: { ...message, reason: b.reason, params: "0x" as `0x${string}` },
      } as const);
}

/** Which part of a ballot file is wrong: its format, its support, or the named field (missing or malformed). */
export interface BallotProblem {
  problem: "format" | "support" | "field";
  key: keyof Ballot;
}

/** A ballot file's shape, in the order its problems are reported; addresses are checked by `isAddress`. */
function ballotSchema(isAddress: (text: string) => boolean) {
  const decimal = z.string().check(z.regex(/^\d+$/));
  const address = z.string().check(z.refine(isAddress));
  return z.object({
    format: z.literal(BALLOT_FORMAT),
    support: z.literal([0, 1, 2]),
    chainId: decimal,
    governor: address,
    proposalId: decimal,
    voter: address,
    nonce: decimal,
    reason: z.catch(z.string(), ""),
    signature: z.string().check(z.regex(/^0x[0-9a-fA-F]+$/)),
  });
}

/**
 * Checks the shape of a parsed ballot file: the format, a support of 0, 1 or 2, decimal chainId, proposalId and
 * nonce, addresses (by the caller's `isAddress`) and a non-empty hex signature (a missing or non-text reason reads as
 * none). Returns the ballot, or the first thing wrong for the caller to word.
 */
export function checkBallot(
  json: Record<string, unknown>,
  isAddress: (text: string) => boolean,
): Ballot | BallotProblem {
  const parsed = ballotSchema(isAddress).safeParse(json);
  if (parsed.success) return parsed.data;
  const key = parsed.error.issues[0].path[0] as keyof Ballot;
  return { problem: key === "format" || key === "support" ? key : "field", key };
}
