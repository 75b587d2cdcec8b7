/**
 * The signed ballot: its EIP-712 types (OpenZeppelin's Ballot, or ExtendedBallot when there is a reason; params are
 * always empty) and its file format, `gc-governance/ballot@1`. The CLI (ballots.ts) signs, reads and relays these
 * files with ethers; the portal does the same with viem; both take the types and the format from here.
 *
 * The file imports nothing and uses only erasable TypeScript, so the browser bundle and plain `node` import it too.
 */

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

/**
 * Checks the shape of a parsed ballot file: the format, a support of 0, 1 or 2, decimal chainId, proposalId and
 * nonce, addresses (by the caller's `isAddress`) and a non-empty hex signature. Returns the ballot, or what is wrong
 * for the caller to word.
 */
export function checkBallot(
  json: Record<string, unknown>,
  isAddress: (text: string) => boolean,
): Ballot | BallotProblem {
  if (json.format !== BALLOT_FORMAT) return { problem: "format", key: "format" };
  const support = json.support;
  if (support !== 0 && support !== 1 && support !== 2) return { problem: "support", key: "support" };
  const digits = (v: string) => /^\d+$/.test(v);
  const checks: [keyof Ballot, (v: string) => boolean][] = [
    ["chainId", digits],
    ["governor", isAddress],
    ["proposalId", digits],
    ["voter", isAddress],
    ["nonce", digits],
    ["signature", (v) => /^0x[0-9a-fA-F]+$/.test(v)],
  ];
  for (const [key, test] of checks) {
    const v = json[key];
    if (typeof v !== "string" || !test(v)) return { problem: "field", key };
  }
  const text = (key: keyof Ballot) => json[key] as string;
  return {
    format: BALLOT_FORMAT,
    chainId: text("chainId"),
    governor: text("governor"),
    proposalId: text("proposalId"),
    support,
    voter: text("voter"),
    nonce: text("nonce"),
    reason: typeof json.reason === "string" ? json.reason : "",
    signature: text("signature"),
  };
}
