/**
 * Signed ballots, in the CLI's file format (scripts/ops/ballots.ts, `gc-governance/ballot@1`): OpenZeppelin's
 * EIP-712 Ballot, or ExtendedBallot when there is a reason (params always empty).
 */
import { getAddress, isAddress, isHex } from "viem";
import type { Address, Hex } from "viem";

export const BALLOT_FORMAT = "gc-governance/ballot@1";

export interface Ballot {
  format: typeof BALLOT_FORMAT;
  chainId: string;
  governor: string;
  proposalId: string;
  support: number;
  voter: string;
  nonce: string;
  reason: string;
  signature: string;
}

export const BALLOT_TYPES = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
} as const;

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

/** Parses a ballot file's text; a problem is one line. */
export function parseBallot(text: string): Ballot | string {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    return `The ballot is not JSON: ${String((e as Error).message).split("\n")[0]}`;
  }
  if (json.format !== BALLOT_FORMAT) return `The file is not a ${BALLOT_FORMAT} ballot.`;
  const digits = (v: unknown) => typeof v === "string" && /^\d+$/.test(v);
  for (const key of ["chainId", "proposalId", "nonce"])
    if (!digits(json[key])) return `The ballot's "${key}" is missing or malformed.`;
  for (const key of ["governor", "voter"]) {
    if (typeof json[key] !== "string" || !isAddress(json[key] as string))
      return `The ballot's "${key}" is not an address.`;
  }
  if (typeof json.signature !== "string" || !isHex(json.signature) || json.signature.length <= 2) {
    return `The ballot's "signature" is missing.`;
  }
  if (json.support !== 0 && json.support !== 1 && json.support !== 2) {
    return `The ballot's "support" must be 0 (against), 1 (for) or 2 (abstain).`;
  }
  return {
    format: BALLOT_FORMAT,
    chainId: json.chainId as string,
    governor: getAddress(json.governor as string),
    proposalId: json.proposalId as string,
    support: json.support,
    voter: getAddress(json.voter as string),
    nonce: json.nonce as string,
    reason: typeof json.reason === "string" ? json.reason : "",
    signature: json.signature,
  };
}

export function ballotVoter(b: Ballot): Address {
  return getAddress(b.voter);
}

export function ballotSignature(b: Ballot): Hex {
  return b.signature as Hex;
}
