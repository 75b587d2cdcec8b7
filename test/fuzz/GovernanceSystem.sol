// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {StakeVault} from "../../contracts/council/StakeVault.sol";
import {MotionPolicy} from "../../contracts/governance/MotionPolicy.sol";
import {VoteExtension} from "../../contracts/community/VoteExtension.sol";
import {CommunityPetitions} from "../../contracts/community/CommunityPetitions.sol";
import {CommunityVeto} from "../../contracts/community/CommunityVeto.sol";
import {GovernorMembershipMotions} from "../../contracts/governance/extensions/GovernorMembershipMotions.sol";
import {ImprovementReserve} from "../../contracts/treasury/ImprovementReserve.sol";
import {IExtendableGovernor} from "../../contracts/interfaces/IExtendableGovernor.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {ICouncilGovernor} from "../../contracts/interfaces/ICouncilGovernor.sol";
import {ICouncilRegistry} from "../../contracts/interfaces/ICouncilRegistry.sol";
import {IMotionPolicy} from "../../contracts/interfaces/IMotionPolicy.sol";
import {TestBase} from "../utils/Vm.sol";

/**
 * @title GovernanceSystem
 * @notice Deploys the whole governance system for Solidity tests, the way the deploy module does: six members
 * (admins 0xAD000+i, voters 0xB0000+i) staking 1–3 units of 100 ether, a timelock (2-day minimum delay), the motion
 * policy (short test timings), and the governor as the timelock's only proposer, executor and canceller; the
 * deployer renounces every role.
 */
/// @notice The governor functions the Solidity tests use, beyond IGovernor.
interface IGovernorUnderTest is IGovernor {
    function proposalVotes(uint256 proposalId) external view returns (uint256, uint256, uint256);
    function proposalVoters(uint256 proposalId) external view returns (uint256);
    function hasMemberVoted(uint256 proposalId, uint256 memberId) external view returns (bool);
    function proposeNoConfidence(uint256 memberId, string calldata description) external returns (uint256);
    function motionRecord(uint256 proposalId) external view returns (ICouncilGovernor.MotionRecord memory);
    function timelock() external view returns (address);
    function setExpiryWindows(uint256 queueWindow, uint256 executionWindow) external;
    function setGuardian(address guardian, uint256 term) external;
    function guardian() external view returns (address);
    function relay(address target, uint256 value, bytes calldata data) external payable;
}

abstract contract GovernanceSystem is TestBase {
    struct Deployed {
        CouncilRegistry registry;
        StakeVault vault;
        TimelockController timelock;
        MotionPolicy policy;
        IGovernorUnderTest governor;
        VoteExtension voteExtension;
    }

    /// @dev Same layout as CouncilGovernor.Settings (the constructor's tuple).
    struct GovernorSettings {
        address secretariat;
        ICouncilGovernor.ProposerRule proposerRule;
        uint256 maxActions;
        uint256 maxLiveProposals;
        uint256 queueWindow;
        uint256 executionWindow;
        uint48 lateQuorumExtension;
        address guardian;
        uint256 guardianTerm;
        address voteExtension;
    }

    /// @dev The community contracts, wired the way the deploy module wires them (owned by the timelock, named in
    /// the policy by the deployer), with an Improvement Reserve for forfeited bonds.
    struct Community {
        ImprovementReserve reserve;
        CommunityPetitions petitions;
        CommunityVeto veto;
    }

    /// @dev Test settings of the community contracts: 1-day petition and veto windows (the veto window fits the
    /// membership classes' 2- and 4-day timelock delays), 30 ether of support, a 1-ether bond, 30 ether to veto.
    uint256 internal constant PETITION_WINDOW = 1 days;
    uint256 internal constant PETITION_THRESHOLD = 30 ether;
    uint256 internal constant PETITION_BOND = 1 ether;
    uint256 internal constant VETO_WINDOW = 1 days;
    uint256 internal constant VETO_THRESHOLD = 30 ether;

    error GovernorDeploymentFailed();

    function _deploySystem(address secretariat, address guardian) internal returns (Deployed memory d) {
        return _deploySystem(secretariat, guardian, 0);
    }

    /// @dev As above, with a VoteExtension of `extensionAmount` seconds fixed in the governor (none when 0).
    function _deploySystem(
        address secretariat,
        address guardian,
        uint256 extensionAmount
    ) internal returns (Deployed memory d) {
        d.timelock = new TimelockController(2 days, new address[](0), new address[](0), address(this));
        ICouncilRegistry.InitialMember[] memory init = new ICouncilRegistry.InitialMember[](6);
        for (uint256 i = 0; i < init.length; ++i) {
            init[i] = ICouncilRegistry.InitialMember({
                name: "Member",
                metadataURI: "ipfs://member",
                admin: address(uint160(0xAD000 + i)),
                voter: address(uint160(0xB0000 + i)),
                nodes: new address[](0)
            });
        }
        d.registry = new CouncilRegistry(address(d.timelock), 4, 20, 14 days, init);
        d.vault = new StakeVault(d.registry, IERC20(address(0)), 100 ether, 1 days, 2 days, address(d.timelock));
        d.registry.bindStakeVault(address(d.vault));
        d.policy = new MotionPolicy(address(d.timelock), address(d.registry), _classConfigs(), _noEntries());
        if (extensionAmount != 0) {
            d.voteExtension = new VoteExtension(address(d.timelock), d.vault, extensionAmount);
        }
        d.governor = _deployGovernor(
            abi.encode(
                d.vault,
                d.timelock,
                d.policy,
                GovernorSettings({
                    secretariat: secretariat,
                    proposerRule: ICouncilGovernor.ProposerRule.SecretariatAndMembers,
                    maxActions: 32,
                    maxLiveProposals: 20,
                    queueWindow: 3 days,
                    executionWindow: 3 days,
                    lateQuorumExtension: 1 days,
                    guardian: guardian,
                    guardianTerm: 365 days,
                    voteExtension: address(d.voteExtension)
                })
            )
        );
        d.vault.bindGovernor(address(d.governor));
        if (extensionAmount != 0) d.voteExtension.bindGovernor(IExtendableGovernor(address(d.governor)));
        d.timelock.grantRole(d.timelock.PROPOSER_ROLE(), address(d.governor));
        d.timelock.grantRole(d.timelock.EXECUTOR_ROLE(), address(d.governor));
        d.timelock.grantRole(d.timelock.CANCELLER_ROLE(), address(d.governor));
        d.timelock.renounceRole(d.timelock.DEFAULT_ADMIN_ROLE(), address(this));

        for (uint256 i = 0; i < init.length; ++i) {
            uint256 amount = (1 + (i % 3)) * 100 ether;
            VM.deal(init[i].admin, amount);
            VM.prank(init[i].admin);
            d.vault.stake{value: amount}(amount);
        }
        VM.warp(block.timestamp + 1);
    }

    /// @dev Deploys the petitions and veto contracts (veto phase off) and names them in the policy. Call it from the
    /// contract that deployed the system (the policy's deployer).
    function _deployCommunity(Deployed memory d) internal returns (Community memory c) {
        GovernorMembershipMotions governor = GovernorMembershipMotions(payable(address(d.governor)));
        c.reserve = new ImprovementReserve(
            address(d.timelock),
            address(0x6A2D),
            365 days,
            14 days,
            new address[](0),
            new uint256[](0)
        );
        c.petitions = new CommunityPetitions(
            address(d.timelock),
            governor,
            address(c.reserve),
            PETITION_WINDOW,
            PETITION_THRESHOLD,
            PETITION_BOND
        );
        c.veto = new CommunityVeto(address(d.timelock), governor, VETO_WINDOW, VETO_THRESHOLD);
        d.policy.setCommunity(address(c.petitions), address(c.veto));
    }

    /// @dev Passes one Constitutional motion (`target` called with `data`) through the whole council: the secretariat
    /// proposes, all six members vote For, then it is queued and executed. Moves time by about nine days.
    function _passConstitutional(
        Deployed memory d,
        address secretariat,
        address target,
        bytes memory data,
        string memory description
    ) internal {
        address[] memory targets = new address[](1);
        targets[0] = target;
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = data;
        uint256[] memory values = new uint256[](1);
        VM.prank(secretariat);
        uint256 id = d.governor.propose(targets, values, calldatas, description);
        VM.warp(d.governor.proposalSnapshot(id) + 1);
        for (uint256 i = 0; i < 6; ++i) {
            VM.prank(address(uint160(0xB0000 + i)));
            d.governor.castVote(id, 1);
        }
        VM.warp(d.governor.proposalDeadline(id) + 1);
        bytes32 descriptionHash = keccak256(bytes(description));
        d.governor.queue(targets, values, calldatas, descriptionHash);
        VM.warp(d.governor.proposalEta(id));
        d.governor.execute(targets, values, calldatas, descriptionHash);
    }

    /// @dev Deploys the governor from its artifact: it is compiled once, with the IR pipeline, for the contracts.
    function _deployGovernor(bytes memory constructorArgs) private returns (IGovernorUnderTest governor) {
        bytes memory code = abi.encodePacked(VM.getCode("CouncilGovernor.sol:CouncilGovernor"), constructorArgs);
        address deployed;
        assembly ("memory-safe") {
            deployed := create(0, add(code, 0x20), mload(code))
        }
        if (deployed == address(0)) revert GovernorDeploymentFailed();
        return IGovernorUnderTest(deployed);
    }

    /// @dev Short timings for tests: 1-day delay, 3-day period; Constitutional and No-confidence stricter.
    function _classConfigs() private pure returns (IMotionPolicy.ClassConfig[5] memory configs) {
        for (uint256 i = 0; i < 5; ++i) {
            bool strict =
                i == uint256(IMotionPolicy.MotionClass.Constitutional) ||
                    i == uint256(IMotionPolicy.MotionClass.NoConfidence);
            configs[i] = IMotionPolicy.ClassConfig({
                votingDelay: 1 days,
                votingPeriod: 3 days,
                timelockDelay: strict ? 4 days : 2 days,
                memberQuorumBps: strict ? 5000 : 3333,
                voteQuorumBps: strict ? 5000 : 3333,
                approvalNumerator: strict ? 2 : 1,
                approvalDenominator: strict ? 3 : 2
            });
        }
    }

    function _noEntries() private pure returns (IMotionPolicy.ActionClass[] memory) {
        return new IMotionPolicy.ActionClass[](0);
    }
}
