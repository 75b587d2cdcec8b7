/**
 * Kaia stake source (a vault deployed as KaiaStakeVault): refresh a CnStaking's recorded stake, and link a
 * CnStaking to a member through Kaia's AddressBook. Each call is checked first (a simulated call), so a wrong
 * contract, node or member gets one line that says what to do instead of a failed transaction.
 */
import { KaiaStakeVault__factory } from "../../typechain-types/index.js";
import type { KaiaStakeVault } from "../../typechain-types/index.js";
import type { CouncilContracts } from "./deployment.js";
import { signerOf } from "./deployment.js";
import { OpsError } from "./errors.js";
import { parseAddress, parseId } from "./input.js";
import { mined, revertOf } from "./transactions.js";

/** The vault as a KaiaStakeVault; a bonded-stake vault (no `trackerMode`) is refused in one line. */
async function kaiaVault(c: CouncilContracts): Promise<KaiaStakeVault> {
  const vault = KaiaStakeVault__factory.connect(c.addresses.vault, signerOf(c));
  try {
    await vault.trackerMode();
  } catch {
    throw new OpsError(
      `the stake vault ${c.addresses.vault} holds bonded stake, not Kaia CnStaking: use stake deposit instead`,
    );
  }
  return vault;
}

export interface RefreshResult {
  staking: string;
  memberId: bigint;
  effectiveStake: bigint;
  memberStake: bigint;
  votes: bigint;
  tx: string;
}

/** Records a CnStaking's effective stake now (anyone may; it never reverts on-chain). */
export async function refreshStaking(
  c: CouncilContracts,
  options: { staking: string },
): Promise<RefreshResult> {
  const staking = parseAddress(options.staking, "CnStaking address");
  const vault = await kaiaVault(c);
  const [memberId] = await vault.stakingLink(staking);
  if (memberId === 0n) {
    throw new OpsError(
      `${staking} is linked to no member: link it first (stake link <memberId> ${staking} --node <node>)`,
    );
  }
  const receipt = await mined(await vault.refreshStake(staking));
  return {
    staking,
    memberId,
    effectiveStake: (await vault.stakingLink(staking))[1],
    memberStake: await vault.stakeOf(memberId),
    votes: await vault.memberVotes(memberId),
    tx: receipt.hash,
  };
}

export function refreshLines(r: RefreshResult): string[] {
  return [
    `Refreshed ${r.staking} of member ${r.memberId}`,
    `  recorded stake: ${r.effectiveStake} wei (member: ${r.memberStake} wei)`,
    `  votes:          ${r.votes}`,
    `  tx:             ${r.tx}`,
  ];
}

export interface LinkResult {
  staking: string;
  memberId: bigint;
  memberStake: bigint;
  tx: string;
}

/**
 * Links the CnStaking that the AddressBook lists for one of the member's nodes (anyone may), or, for a candidate, for
 * a node it applied with (sent by one of the CnStaking's admins).
 */
export async function linkStaking(
  c: CouncilContracts,
  options: { member: string; staking: string; node: string },
): Promise<LinkResult> {
  const memberId = parseId(options.member, "member id");
  const staking = parseAddress(options.staking, "CnStaking address");
  const node = parseAddress(options.node, "node address");
  const vault = await kaiaVault(c);
  try {
    await vault.linkStakingByAddressBook.staticCall(memberId, node, staking);
  } catch (error) {
    const parsed = revertOf(error, vault.interface);
    const reasons: Record<string, string> = {
      KaiaStakeVaultNodeNotOfMember: `node ${node} is not a registered node of member ${memberId}, nor a node it applied with that no member holds (see council show)`,
      KaiaStakeVaultNotInAddressBook: `the AddressBook does not list ${staking} for node ${node}`,
      KaiaStakeVaultAlreadyLinked: `${staking} is already linked to member ${parsed?.args[1]}, an active member or a candidate`,
      KaiaStakeVaultNotStakingAdmin: `member ${memberId} is a candidate: its link must be sent by an admin of ${staking} (--from one of the CnStaking's admin keys)`,
      KaiaStakeVaultGcIdMismatch: `${staking} has another gcId than member ${memberId}'s other contracts`,
    };
    const reason = parsed === undefined ? undefined : reasons[parsed.name];
    throw new OpsError(reason ?? `the vault refuses to link ${staking}: ${parsed?.name ?? "unknown reason"}`);
  }
  const receipt = await mined(await vault.linkStakingByAddressBook(memberId, node, staking));
  return { staking, memberId, memberStake: await vault.stakeOf(memberId), tx: receipt.hash };
}

export function linkLines(r: LinkResult): string[] {
  return [
    `Linked ${r.staking} to member ${r.memberId}`,
    `  member stake: ${r.memberStake} wei`,
    `  tx:           ${r.tx}`,
  ];
}
