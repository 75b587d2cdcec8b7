// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {VoteExtension} from "../../contracts/community/VoteExtension.sol";
import {TestBase} from "../utils/Vm.sol";
import {GovernanceSystem, IGovernorUnderTest} from "./GovernanceSystem.sol";

/**
 * @title VoteExtensionHandler
 * @notice Drives random sequences of propose, vote, call for an extension (members, an outsider, a no-confidence
 * target) and time on a system deployed with a VoteExtension. Ghost state: each motion's scheduled deadline, every
 * grant (the deadline before and after it), successful calls per member and motion, and any change of a granted
 * deadline.
 */
contract VoteExtensionHandler is TestBase {
    uint256 public constant MEMBERS = 6;
    address public constant SECRETARIAT = address(0x5EC);
    address public constant OUTSIDER = address(0xBAD);

    IGovernorUnderTest public governor;
    VoteExtension public voteExtension;

    uint256[] private _ids;
    mapping(uint256 proposalId => uint256) public scheduledDeadline;
    mapping(uint256 proposalId => uint256) public grants;
    mapping(uint256 proposalId => uint256) public deadlineBeforeGrant;
    mapping(uint256 proposalId => uint256) public deadlineAfterGrant;
    mapping(uint256 proposalId => mapping(uint256 memberId => uint256)) public successfulCalls;
    uint256 public grantedDeadlineChanges;
    uint256 private _nonce;

    constructor(GovernanceSystem.Deployed memory d) {
        governor = d.governor;
        voteExtension = d.voteExtension;
    }

    /// @notice The functions the fuzzer calls.
    function actions() external pure returns (bytes4[] memory selectors) {
        selectors = new bytes4[](5);
        selectors[0] = this.propose.selector;
        selectors[1] = this.proposeNoConfidence.selector;
        selectors[2] = this.vote.selector;
        selectors[3] = this.callForExtension.selector;
        selectors[4] = this.warp.selector;
    }

    function proposalIds() external view returns (uint256[] memory) {
        return _ids;
    }

    function propose() external {
        if (_ids.length >= 8) return;
        address[] memory targets = new address[](1);
        targets[0] = governor.timelock();
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        VM.prank(SECRETARIAT);
        try governor.propose(targets, values, calldatas, string.concat("Signal ", Strings.toString(++_nonce))) returns (
            uint256 id
        ) {
            _record(id);
        } catch {}
    }

    function proposeNoConfidence(uint256 moverSeed, uint256 targetSeed) external {
        if (_ids.length >= 8) return;
        uint256 mover = bound(moverSeed, 1, MEMBERS);
        uint256 target = bound(targetSeed, 1, MEMBERS);
        VM.prank(_voter(mover));
        try governor.proposeNoConfidence(target, string.concat("No confidence ", Strings.toString(++_nonce))) returns (
            uint256 id
        ) {
            _record(id);
        } catch {}
    }

    function vote(uint256 motionSeed, uint256 memberSeed, uint8 support) external {
        if (_ids.length == 0) return;
        uint256 id = _ids[bound(motionSeed, 0, _ids.length - 1)];
        VM.prank(_voter(bound(memberSeed, 1, MEMBERS)));
        try governor.castVote(id, support % 3) {} catch {}
        _checkGranted(id);
    }

    function callForExtension(uint256 motionSeed, uint256 memberSeed) external {
        if (_ids.length == 0) return;
        uint256 id = _ids[bound(motionSeed, 0, _ids.length - 1)];
        uint256 member = bound(memberSeed, 0, MEMBERS);
        address caller = member == 0 ? OUTSIDER : _voter(member);
        uint256 before = governor.proposalDeadline(id);
        (, , uint256 grantedBefore) = voteExtension.extensionStatus(id);
        VM.prank(caller);
        try voteExtension.callForExtension(id) {
            successfulCalls[id][member] += 1;
            (, , uint256 granted) = voteExtension.extensionStatus(id);
            if (granted != grantedBefore) {
                grants[id] += 1;
                deadlineBeforeGrant[id] = before;
                deadlineAfterGrant[id] = governor.proposalDeadline(id);
            }
        } catch {}
        _checkGranted(id);
    }

    function warp(uint256 seconds_) external {
        VM.warp(block.timestamp + bound(seconds_, 1, 2 days));
    }

    function _record(uint256 id) private {
        _ids.push(id);
        scheduledDeadline[id] = governor.proposalDeadline(id);
    }

    /// @dev Once granted, the contract's record of the granted deadline never changes.
    function _checkGranted(uint256 id) private {
        (, , uint256 granted) = voteExtension.extensionStatus(id);
        if (deadlineAfterGrant[id] != 0 && granted != deadlineAfterGrant[id]) grantedDeadlineChanges += 1;
    }

    function _voter(uint256 memberId) private pure returns (address) {
        return address(uint160(0xB0000 + memberId - 1));
    }
}
