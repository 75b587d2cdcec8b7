/**
 * The whole Governance Council system as one Ignition builder, shared by the two deploy modules: they differ only in
 * the stake vault (deploy/modules/CouncilGovernance.ts deploys the bonded `StakeVault`,
 * deploy/modules/KaiaCouncilGovernance.ts the `KaiaStakeVault` that reads Kaia's CnStaking contracts). Ignition
 * cannot branch on a parameter, so the parameter file's `stakeSource` picks the module, and `ignition deploy`
 * refuses a file whose `stakeSource` does not match the module (scripts/tasks/verify.ts).
 *
 * Order: TimelockController (the deployer is its temporary admin) → CouncilRegistry (empty, bootstrap open) → the
 * initial council in batches (`initialMembers`, then `initialMembers2` … `initialMembers13`, at most
 * {BOOTSTRAP_BATCH_SIZE} members each so that every transaction stays far under EIP-7825's 16,777,216-gas cap; an
 * unused batch is an empty call) → endBootstrap → the stake vault (future id `StakeVault` in both modules, so that
 * address files have the same keys) → bind the vault → ImprovementReserve → MotionPolicy (class configurations, and
 * the reserve's functions classified: Treasury for payments, budgets, grants and collectibles; its limits, guardian,
 * pause and unpause stay Constitutional by default) → VoteExtension (members' call to extend a live vote; the
 * governor fixes its address) → CouncilGovernor → CouncilGovernorLens → AdvisorBoard → bind the governor to the
 * vault (it freezes a no-confidence target's stake) and to the vote extension; then the governor becomes the
 * timelock's proposer, executor and canceller; CommunityPetitions and CommunityVeto (phase off) are deployed, owned
 * by the timelock, and named in the policy by the deployer (its one-time binding); then the deployer renounces its
 * admin role. Both guardians (the governor's and the reserve's) serve the same term, `guardianTerm`. Registry,
 * vault, policy, reserve and the community contracts are owned by the timelock from their constructors, so the
 * deployer keeps no role anywhere.
 *
 * Parameters (deploy/parameters/<network>.json, section "CouncilGovernance"): see deploy/README.md.
 */
import type {
  IgnitionModuleBuilder,
  NamedArtifactContractDeploymentFuture,
} from "@nomicfoundation/ignition-core";
import { ZeroHash, id } from "ethers";

import { MotionClass } from "../scripts/ops/enums.js";
import {
  BOOTSTRAP_BATCHES,
  COMMUNITY_DEFAULTS,
  RESERVE_TREASURY_FUNCTIONS,
  bootstrapBatchKey,
} from "../scripts/ops/system.js";

/** The first four bytes of keccak256(signature). */
function selector(signature: string): string {
  return id(signature).slice(0, 10);
}

/** Default members' vote extension, in seconds (7 days, bounds 1 to 7 days: docs/architecture.md, "Defaults and bounds"). */
export const VOTE_EXTENSION_AMOUNT = 7 * 24 * 60 * 60;

/** The vault's future id in both modules: address files read `CouncilGovernance#StakeVault` for either vault. */
export const VAULT_FUTURE = "StakeVault";

/** Deploys the stake vault, owned by the timelock, for the registry (bound to it afterwards by the builder). */
export type VaultDeployer<VaultT extends string> = (
  m: IgnitionModuleBuilder,
  registry: NamedArtifactContractDeploymentFuture<"CouncilRegistry">,
  timelock: NamedArtifactContractDeploymentFuture<"TimelockController">,
) => NamedArtifactContractDeploymentFuture<VaultT>;

/** Builds the whole system around the vault that `deployVault` deploys; returns every contract's future. */
export function buildCouncilSystem<VaultT extends string>(
  m: IgnitionModuleBuilder,
  deployVault: VaultDeployer<VaultT>,
) {
  const deployer = m.getAccount(0);

  const timelock = m.contract("TimelockController", [m.getParameter("timelockMinDelay"), [], [], deployer]);

  const registry = m.contract("CouncilRegistry", [
    timelock,
    m.getParameter("minMembers"),
    m.getParameter("maxMembers"),
    m.getParameter("sponsorshipWindow"),
    [],
  ]);
  let batch = m.call(registry, "bootstrapMembers", [m.getParameter(bootstrapBatchKey(0))], {
    id: "bootstrap1",
  });
  for (let i = 1; i < BOOTSTRAP_BATCHES; ++i) {
    batch = m.call(registry, "bootstrapMembers", [m.getParameter(bootstrapBatchKey(i), [])], {
      id: `bootstrap${i + 1}`,
      after: [batch],
    });
  }
  const endBootstrap = m.call(registry, "endBootstrap", [], { after: [batch] });

  const vault = deployVault(m, registry, timelock);
  const bind = m.call(registry, "bindStakeVault", [vault], { after: [endBootstrap] });

  const reserve = m.contract(
    "ImprovementReserve",
    [
      timelock,
      m.getParameter("reserveGuardian"),
      m.getParameter("guardianTerm"),
      m.getParameter("reservePauseDuration"),
      m.getParameter("reserveAssets"),
      m.getParameter("reserveOutflowLimits"),
    ],
    // After the council is registered: verify-deployment bounds the guardian term's start by the members' joining.
    { after: [endBootstrap] },
  );

  const policy = m.contract("MotionPolicy", [
    timelock,
    registry,
    m.getParameter("classConfigs"),
    RESERVE_TREASURY_FUNCTIONS.map((signature) => ({
      target: reserve,
      selector: selector(signature),
      motionClass: MotionClass.Treasury,
    })),
  ]);

  // The members' vote extension: the governor fixes its address at construction, and the deployer binds it back.
  const voteExtension = m.contract("VoteExtension", [
    timelock,
    vault,
    m.getParameter("voteExtensionAmount", VOTE_EXTENSION_AMOUNT),
  ]);

  const governor = m.contract(
    "CouncilGovernor",
    [
      vault,
      timelock,
      policy,
      {
        secretariat: m.getParameter("secretariat"),
        proposerRule: m.getParameter("proposerRule", 0),
        maxActions: m.getParameter("maxActions"),
        maxLiveProposals: m.getParameter("maxLiveProposals"),
        queueWindow: m.getParameter("queueWindow"),
        executionWindow: m.getParameter("executionWindow"),
        lateQuorumExtension: m.getParameter("lateQuorumExtension"),
        guardian: m.getParameter("guardian"),
        guardianTerm: m.getParameter("guardianTerm"),
        voteExtension,
      },
    ],
    { after: [bind] },
  );
  const lens = m.contract("CouncilGovernorLens");
  // Advisors' statements of opinion on the governor's motions; the timelock appoints and removes advisors.
  const advisors = m.contract("AdvisorBoard", [timelock, governor]);
  const bindGovernor = m.call(vault, "bindGovernor", [governor]);
  const bindExtension = m.call(voteExtension, "bindGovernor", [governor]);

  // The community's contracts (docs/community-guide.md), owned by the timelock; the policy names them, so that the
  // governor accepts the petitions contract as sponsor and the veto contract as canceller of membership motions.
  const petitions = m.contract("CommunityPetitions", [
    timelock,
    governor,
    reserve,
    m.getParameter("petitionWindow", COMMUNITY_DEFAULTS.petitionWindow),
    m.getParameter("petitionThreshold", COMMUNITY_DEFAULTS.petitionThreshold),
    m.getParameter("petitionBond", COMMUNITY_DEFAULTS.petitionBond),
  ]);
  const veto = m.contract("CommunityVeto", [
    timelock,
    governor,
    m.getParameter("vetoWindow", COMMUNITY_DEFAULTS.vetoWindow),
    m.getParameter("vetoThreshold", COMMUNITY_DEFAULTS.vetoThreshold),
  ]);
  const bindCommunity = m.call(policy, "setCommunity", [petitions, veto]);

  const proposer = m.call(timelock, "grantRole", [id("PROPOSER_ROLE"), governor], { id: "grantProposer" });
  const executor = m.call(timelock, "grantRole", [id("EXECUTOR_ROLE"), governor], { id: "grantExecutor" });
  const canceller = m.call(timelock, "grantRole", [id("CANCELLER_ROLE"), governor], { id: "grantCanceller" });
  m.call(timelock, "renounceRole", [ZeroHash, deployer], {
    id: "renounceDeployerAdmin",
    after: [proposer, executor, canceller, lens, advisors, bindGovernor, bindExtension, bindCommunity],
  });

  return {
    timelock,
    registry,
    vault,
    reserve,
    policy,
    voteExtension,
    governor,
    lens,
    advisors,
    petitions,
    veto,
  };
}
