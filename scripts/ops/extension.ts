/**
 * Members' call to extend a live vote (VoteExtension, the KGP-25 case): call as a member, and the status line of
 * `motion show`. Every refusal the contract would make is checked first and reported in one line.
 */
import type { VoteExtension } from "../../typechain-types/index.js";
import type { CouncilContracts } from "./deployment.js";
import { signerOf } from "./deployment.js";
import { OpsError } from "./errors.js";
import { formatDuration, formatTime } from "./format.js";
import { eventArgs } from "./transactions.js";
import { getMotion, sent, voterMember, wrongState } from "./motions.js";
import type { Sent } from "./motions.js";

/** Where a motion's extension stands. */
export interface ExtensionStatus {
  calls: bigint;
  needed: bigint;
  /** The granted deadline; 0 until extended. */
  extendedDeadline: bigint;
  /** Seconds the motion would be extended by (frozen when it was created). */
  amount: bigint;
}

/** The vote-extension contract, or a one-line error saying the deployment has none. */
export function voteExtension(c: CouncilContracts): VoteExtension {
  if (c.voteExtension === undefined) {
    throw new OpsError(
      "this deployment has no vote extension (CouncilGovernance#VoteExtension in the address file)",
    );
  }
  return c.voteExtension;
}

/** A motion's extension status; undefined when the deployment has no vote extension. */
export async function extensionStatus(
  c: CouncilContracts,
  motionId: bigint,
): Promise<ExtensionStatus | undefined> {
  if (c.voteExtension === undefined) return undefined;
  const [[calls, needed, extendedDeadline], amount] = await Promise.all([
    c.voteExtension.extensionStatus(motionId),
    c.voteExtension.motionExtensionAmount(motionId),
  ]);
  return { calls, needed, extendedDeadline, amount };
}

/** The status line `motion show` prints. */
export function renderExtension(s: ExtensionStatus | undefined): string {
  if (s === undefined) return "Vote extension: not deployed";
  if (s.extendedDeadline !== 0n) {
    return `Vote extension: granted by ${s.calls} members; the vote closes at ${formatTime(s.extendedDeadline)}`;
  }
  const needed = s.needed === 0n ? "more than half of the eligible members" : `${s.needed}`;
  return `Vote extension: ${s.calls} of ${needed} calls (would add ${formatDuration(s.amount)})`;
}

/** Calls for an extension as the sending member's voter account. */
export async function callForExtension(
  c: CouncilContracts,
  motionId: bigint,
): Promise<Sent & { memberId: bigint; calls: bigint; needed: bigint; extendedDeadline: bigint }> {
  const ext = voteExtension(c);
  const signer = signerOf(c);
  const view = await getMotion(c, motionId);
  if (view.state !== "Active") throw wrongState(view, "calling for an extension", ["Active"]);
  const status = (await extensionStatus(c, motionId))!;
  if (status.extendedDeadline !== 0n) {
    throw new OpsError(
      `motion ${motionId} was already extended (to ${formatTime(status.extendedDeadline)}); a motion is extended once`,
    );
  }
  const memberId = await voterMember(c, await signer.getAddress(), motionId);
  if (memberId === view.excludedMemberId) {
    throw new OpsError(
      `member ${memberId} is the subject of motion ${motionId} and cannot call for its extension`,
    );
  }
  if ((await c.vault.getPastMemberVotes(memberId, view.snapshot)) === 0n) {
    throw new OpsError(
      `member ${memberId} had no votes at motion ${motionId}'s snapshot (${formatTime(view.snapshot)}), so it is not eligible to call`,
    );
  }
  if (await ext.hasCalled(motionId, memberId)) {
    throw new OpsError(
      `member ${memberId} already called for an extension of motion ${motionId}; a member calls once`,
    );
  }
  const result = await sent(await ext.connect(signer).callForExtension(motionId));
  const [, , calls, needed] = eventArgs(result.receipt, ext, "ExtensionCalled");
  const extendedDeadline =
    calls >= needed ? (eventArgs(result.receipt, ext, "VoteExtended")[2] as bigint) : 0n;
  return { ...result, memberId, calls: calls as bigint, needed: needed as bigint, extendedDeadline };
}
