/**
 * Signed ballots, in the CLI's file format and EIP-712 types (scripts/ops/ballot-file.ts, shared with the CLI):
 * OpenZeppelin's Ballot, or ExtendedBallot when there is a reason (params always empty).
 */
import { getAddress, isAddress } from "viem";
import type { Address, Hex } from "viem";

import { BALLOT_FORMAT, checkBallot } from "../../scripts/ops/ballot-file.js";
import type { Ballot } from "../../scripts/ops/ballot-file.js";

export {
  BALLOT_FORMAT,
  BALLOT_TYPES,
  EXTENDED_BALLOT_TYPES,
  ballotTypedData,
} from "../../scripts/ops/ballot-file.js";
export type { Ballot } from "../../scripts/ops/ballot-file.js";

/** Parses a ballot file's text; a problem is one line. */
export function parseBallot(text: string): Ballot | string {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    return `The ballot is not JSON: ${String((e as Error).message).split("\n")[0]}`;
  }
  const ballot = checkBallot(json, (v) => isAddress(v));
  if (!("problem" in ballot)) {
    return { ...ballot, governor: getAddress(ballot.governor), voter: getAddress(ballot.voter) };
  }
  if (ballot.problem === "format") return `The file is not a ${BALLOT_FORMAT} ballot.`;
  if (ballot.problem === "support")
    return `The ballot's "support" must be 0 (against), 1 (for) or 2 (abstain).`;
  if (ballot.key === "governor" || ballot.key === "voter")
    return `The ballot's "${ballot.key}" is not an address.`;
  if (ballot.key === "signature") return `The ballot's "signature" is missing.`;
  return `The ballot's "${ballot.key}" is missing or malformed.`;
}

export function ballotVoter(b: Ballot): Address {
  return getAddress(b.voter);
}

export function ballotSignature(b: Ballot): Hex {
  return b.signature as Hex;
}
