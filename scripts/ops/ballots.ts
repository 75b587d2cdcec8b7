/**
 * Signed ballots: a member's voter signs its vote (EIP-712, OpenZeppelin's Ballot or ExtendedBallot type) without
 * sending a transaction, into a file; anyone relays the file later and pays the gas. The governor counts the vote
 * for the signer's member, once: the signer's nonce is spent by the first relay and the member is marked as voted.
 */
import { readFileSync, writeFileSync } from "node:fs";

import { TypedDataEncoder, getAddress, isAddress, isHexString, verifyTypedData } from "ethers";
import type { TypedDataDomain, TypedDataField } from "ethers";

import type { CouncilContracts } from "./deployment.js";
import { signerOf } from "./deployment.js";
import { OpsError } from "./errors.js";
import { checkVote, getMotion, sent, supportName, voterMember, wrongState } from "./motions.js";
import type { Sent } from "./motions.js";

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

const BALLOT_TYPES: Record<string, TypedDataField[]> = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
};

const EXTENDED_BALLOT_TYPES: Record<string, TypedDataField[]> = {
  ExtendedBallot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "reason", type: "string" },
    { name: "params", type: "bytes" },
  ],
};

/**
 * The EIP-712 digest of a plain Ballot: what a contract voter (a DAO's Safe-like wallet) signs or approves, so that
 * anyone can relay `castVoteBySig(proposalId, support, voter, signature)` for it.
 */
export function ballotDigest(
  domain: TypedDataDomain,
  proposalId: bigint,
  support: number,
  voter: string,
  nonce: bigint,
): string {
  return TypedDataEncoder.hash(domain, BALLOT_TYPES, { proposalId, support, voter, nonce });
}

/** The governor's EIP-712 domain, as it reports it (ERC-5267). */
export async function ballotDomain(c: CouncilContracts): Promise<TypedDataDomain> {
  const d = await c.governor.eip712Domain();
  return { name: d.name, version: d.version, chainId: d.chainId, verifyingContract: d.verifyingContract };
}

function typedData(b: Ballot): { types: Record<string, TypedDataField[]>; message: Record<string, unknown> } {
  const message = {
    proposalId: BigInt(b.proposalId),
    support: b.support,
    voter: b.voter,
    nonce: BigInt(b.nonce),
  };
  return b.reason === ""
    ? { types: BALLOT_TYPES, message }
    : { types: EXTENDED_BALLOT_TYPES, message: { ...message, reason: b.reason, params: "0x" } };
}

/**
 * Signs the sender's vote on a Pending or Active motion without sending anything. The ballot is valid until the
 * voter's nonce is used (by this ballot's relay or any other signed vote) and only while the motion is Active.
 */
export async function signBallot(
  c: CouncilContracts,
  motionId: bigint,
  support: number,
  reason = "",
): Promise<Ballot> {
  const signer = signerOf(c);
  const voter = await signer.getAddress();
  const view = await getMotion(c, motionId);
  if (view.state !== "Pending" && view.state !== "Active")
    throw wrongState(view, "a ballot", ["Pending", "Active"]);
  const memberId = await voterMember(c, voter, motionId);
  if (await c.governor.hasMemberVoted(motionId, memberId)) {
    throw new OpsError(`member ${memberId} already voted on motion ${motionId}; a member votes once`);
  }
  const ballot: Ballot = {
    format: BALLOT_FORMAT,
    chainId: String(c.chainId),
    governor: c.addresses.governor,
    proposalId: String(motionId),
    support,
    voter: getAddress(voter),
    nonce: String(await c.governor.nonces(voter)),
    reason,
    signature: "",
  };
  const { types, message } = typedData(ballot);
  ballot.signature = await signer.signTypedData(await ballotDomain(c), types, message);
  return ballot;
}

/** Writes a ballot file. */
export function writeBallot(file: string, ballot: Ballot): void {
  writeFileSync(file, `${JSON.stringify(ballot, null, 2)}\n`);
}

/** Reads and checks the shape of a ballot file. */
export function readBallot(file: string): Ballot {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (e) {
    throw new OpsError(`ballot file ${file} cannot be read as JSON: ${(e as Error).message.split("\n")[0]}`);
  }
  const text = (key: string, test: (v: string) => boolean) => {
    const v = json[key];
    if (typeof v !== "string" || !test(v))
      throw new OpsError(`ballot file ${file}: "${key}" is missing or malformed`);
    return v;
  };
  if (json.format !== BALLOT_FORMAT) throw new OpsError(`ballot file ${file} is not a ${BALLOT_FORMAT} file`);
  const digits = (v: string) => /^\d+$/.test(v);
  const support = json.support;
  if (support !== 0 && support !== 1 && support !== 2) {
    throw new OpsError(`ballot file ${file}: "support" must be 0 (against), 1 (for) or 2 (abstain)`);
  }
  return {
    format: BALLOT_FORMAT,
    chainId: text("chainId", digits),
    governor: text("governor", isAddress),
    proposalId: text("proposalId", digits),
    support,
    voter: text("voter", isAddress),
    nonce: text("nonce", digits),
    reason: typeof json.reason === "string" ? json.reason : "",
    signature: text("signature", (v) => isHexString(v) && v.length > 2),
  };
}

/** Relays a signed ballot from the sending account; the vote counts for the signer's member. */
export async function relayBallot(
  c: CouncilContracts,
  ballot: Ballot,
): Promise<Sent & { memberId: bigint; weight: bigint; motionId: bigint }> {
  if (ballot.chainId !== String(c.chainId)) {
    throw new OpsError(`the ballot is for chain ${ballot.chainId}, but this network is chain ${c.chainId}`);
  }
  if (getAddress(ballot.governor) !== c.addresses.governor) {
    throw new OpsError(
      `the ballot is for governor ${ballot.governor}, not this deployment's ${c.addresses.governor}`,
    );
  }
  const motionId = BigInt(ballot.proposalId);
  const { memberId, weight } = await checkVote(c, motionId, ballot.voter);
  const nonce = await c.governor.nonces(ballot.voter);
  if (nonce !== BigInt(ballot.nonce)) {
    throw new OpsError(
      `the ballot was signed with nonce ${ballot.nonce}, but ${ballot.voter}'s nonce is now ${nonce}: another signed vote used it; sign again`,
    );
  }
  const { types, message } = typedData(ballot);
  const isContract = (await c.provider.getCode(ballot.voter)) !== "0x";
  if (
    !isContract &&
    verifyTypedData(await ballotDomain(c), types, message, ballot.signature) !== ballot.voter
  ) {
    throw new OpsError(
      `the ballot's signature is not ${ballot.voter}'s for motion ${motionId} voting ${supportName(ballot.support)}`,
    );
  }
  const governor = c.governor.connect(signerOf(c));
  const tx =
    ballot.reason === ""
      ? await governor.castVoteBySig(motionId, ballot.support, ballot.voter, ballot.signature)
      : await governor.castVoteWithReasonAndParamsBySig(
          motionId,
          ballot.support,
          ballot.voter,
          ballot.reason,
          "0x",
          ballot.signature,
        );
  return { ...(await sent(tx)), memberId, weight, motionId };
}
