/**
 * Signed ballots: a member's voter signs its vote (EIP-712, OpenZeppelin's Ballot or ExtendedBallot type) without
 * sending a transaction, into a file; anyone relays the file later and pays the gas. The governor counts the vote
 * for the signer's member, once: the signer's nonce is spent by the first relay and the member is marked as voted.
 */
import { readFileSync, writeFileSync } from "node:fs";

import { TypedDataEncoder, getAddress, isAddress, verifyTypedData } from "ethers";
import type { TypedDataDomain, TypedDataField } from "ethers";

import { BALLOT_FORMAT, BALLOT_TYPES, ballotTypedData, checkBallot } from "./ballot-file.js";
import type { Ballot } from "./ballot-file.js";
import type { CouncilContracts } from "./deployment.js";
import { signerOf } from "./deployment.js";
import { OpsError } from "./errors.js";
import { checkVote, getMotion, sent, supportName, voterMember, wrongState } from "./motions.js";
import type { Sent } from "./motions.js";

export { BALLOT_FORMAT } from "./ballot-file.js";
export type { Ballot } from "./ballot-file.js";

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
  return TypedDataEncoder.hash(
    domain,
    { Ballot: [...BALLOT_TYPES.Ballot] },
    { proposalId, support, voter, nonce },
  );
}

/** The governor's EIP-712 domain, as it reports it (ERC-5267). */
export async function ballotDomain(c: CouncilContracts): Promise<TypedDataDomain> {
  const d = await c.governor.eip712Domain();
  return { name: d.name, version: d.version, chainId: d.chainId, verifyingContract: d.verifyingContract };
}

/** A ballot's EIP-712 types and message in the form ethers takes. */
function typedData(b: Ballot): { types: Record<string, TypedDataField[]>; message: Record<string, unknown> } {
  const { primaryType, types, message } = ballotTypedData(b);
  return {
    types: { [primaryType]: [...(types as Record<string, readonly TypedDataField[]>)[primaryType]] },
    message,
  };
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
  const ballot = checkBallot(json, isAddress);
  if (!("problem" in ballot)) return ballot;
  switch (ballot.problem) {
    case "format":
      throw new OpsError(`ballot file ${file} is not a ${BALLOT_FORMAT} file`);
    case "support":
      throw new OpsError(`ballot file ${file}: "support" must be 0 (against), 1 (for) or 2 (abstain)`);
    default:
      throw new OpsError(`ballot file ${file}: "${ballot.key}" is missing or malformed`);
  }
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
