/**
 * Fixture for the community contracts: the whole governance system (test/utils/governance.ts), an Improvement
 * Reserve, the petitions contract and the veto contract (phase off), both owned by the timelock and named in the
 * motion policy by the deployer, as the deploy module wires them. Also helpers for petitions and membership motions.
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionResponse } from "ethers";

import type { CommunityPetitions, CommunityVeto, ImprovementReserve } from "../../typechain-types/index.js";
import { DAY, RICH, STAKE_UNIT, ethers, networkHelpers, nodeAddress } from "./council.js";
import { type Motion, type System, deploySystem, passAndExecute } from "./governance.js";

export const PETITION_WINDOW = 14n * DAY;
export const PETITION_THRESHOLD = ethers.parseEther("5000000");
export const PETITION_BOND = ethers.parseEther("10000");
export const VETO_WINDOW = 7n * DAY;
export const VETO_THRESHOLD = ethers.parseEther("10000000");

export enum PetitionKind {
  Admission,
  NoConfidence,
}

export enum PetitionStatus {
  None,
  Open,
  Qualified,
  Failed,
  Lapsed,
}

export interface CommunitySystem extends System {
  reserve: ImprovementReserve;
  petitions: CommunityPetitions;
  veto: CommunityVeto;
  /** Holders who lock coin (others[2..]); each holds RICH. */
  holders: HardhatEthersSigner[];
  /** Candidate 6 (others[0] admin, others[1] voter), one stake unit bonded, application open. */
  candidateId: bigint;
}

/** Five members, candidate 6 with an open application, and the community contracts wired. */
export async function deployCommunity(): Promise<CommunitySystem> {
  const s = await deploySystem();
  const timelock = await s.timelock.getAddress();
  const reserve = await ethers.deployContract("ImprovementReserve", [
    timelock,
    s.guardian.address,
    365n * DAY,
    14n * DAY,
    [ethers.ZeroAddress],
    [RICH],
  ]);
  const governor = await s.governor.getAddress();
  const petitions = await ethers.deployContract("CommunityPetitions", [
    timelock,
    governor,
    await reserve.getAddress(),
    PETITION_WINDOW,
    PETITION_THRESHOLD,
    PETITION_BOND,
  ]);
  const veto = await ethers.deployContract("CommunityVeto", [
    timelock,
    governor,
    VETO_WINDOW,
    VETO_THRESHOLD,
  ]);
  await s.policy.setCommunity(await petitions.getAddress(), await veto.getAddress());

  const [applicant, candidateVoter] = s.others;
  await s.registry
    .connect(applicant)
    .applyForMembership("Candidate Org", "https://candidate.example/gc.json", candidateVoter.address, [
      nodeAddress(900),
    ]);
  const candidateId = await s.registry.memberCount();
  await s.registry.connect(candidateVoter).acceptVoter(candidateId);
  await s.vault.connect(applicant).stake(STAKE_UNIT, { value: STAKE_UNIT });
  await networkHelpers.time.increase(1);
  return { ...s, reserve, petitions, veto, holders: s.others.slice(2), candidateId };
}

/** A Constitutional motion calling `target` with `data`, passed and executed by the whole council. */
export async function governanceCall(
  s: System,
  target: string,
  data: string,
  description: string,
): Promise<bigint> {
  const motion: Motion = { targets: [target], values: [0n], calldatas: [data], description };
  return passAndExecute(s, motion, s.secretariat);
}

/** The membership motion a settled petition opened, as passed to queue/execute/cancel. */
export async function petitionMotion(s: CommunitySystem, petitionId: bigint): Promise<Motion> {
  const p = await s.petitions.petition(petitionId);
  const registry = s.registry;
  const call =
    Number(p.kind) === PetitionKind.Admission
      ? registry.interface.encodeFunctionData("admit", [p.subjectMemberId])
      : registry.interface.encodeFunctionData("remove", [p.subjectMemberId]);
  return {
    targets: [await registry.getAddress()],
    values: [0n],
    calldatas: [call],
    description: await s.petitions.motionDescription(petitionId),
  };
}

/** Executes a queued motion and returns the transaction (for event and balance assertions). */
export function executeMotion(s: System, motion: Motion): Promise<ContractTransactionResponse> {
  return s.governor.execute(motion.targets, motion.values, motion.calldatas, ethers.id(motion.description));
}

/** Native coin balance of `account`. */
export async function balanceOf(account: { getAddress(): Promise<string> } | string): Promise<bigint> {
  const address = typeof account === "string" ? account : await account.getAddress();
  return ethers.provider.getBalance(address);
}
