// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {GovernorMotionClasses} from "./GovernorMotionClasses.sol";

/**
 * @title GovernorCouncilGuardian
 * @notice A guardian that may cancel any motion before it executes, for a limited term that ends by itself.
 * @dev Set or removed only by governance (a Constitutional motion, since it calls the governor), with a term of at
 * most 730 days; the guardian may renounce. Unlike OpenZeppelin's GovernorProposalGuardian, a proposer never gains
 * the power to cancel its own motion after voting starts when there is no guardian: it may cancel only while
 * Pending (OpenZeppelin's default). The guardian cancels through the governor, which also cancels the timelock
 * operation, so its power really ends with its term. The guardian may not cancel a motion that changes a guardian
 * (the policy's {IMotionPolicy-changesGuardian}), so the council can always replace or remove it.
 */
abstract contract GovernorCouncilGuardian is GovernorMotionClasses {
    /// @notice Longest guardian term, in seconds.
    uint256 public constant MAX_GUARDIAN_TERM = 730 days;

    address private _guardian;
    uint48 private _guardianTermEnd;

    /**
     * @notice Sets the initial guardian.
     * @param guardian_ The guardian (zero for none).
     * @param term Seconds from deployment until its power ends (1 second to 730 days; 0 when there is none).
     */
    constructor(address guardian_, uint256 term) {
        _setGuardian(guardian_, term);
    }

    /**
     * @notice Set or remove the guardian. Governance only.
     * @param newGuardian The guardian (zero removes it).
     * @param term Seconds from now until its power ends (1 second to 730 days; 0 with no guardian).
     */
    function setGuardian(address newGuardian, uint256 term) external onlyGovernance {
        _setGuardian(newGuardian, term);
    }

    /**
     * @notice The guardian gives up its power at once.
     */
    function renounceGuardian() external {
        if (msg.sender != _guardian || msg.sender == address(0)) revert GovernorOnlyGuardian(msg.sender);
        _setGuardian(address(0), 0);
    }

    /**
     * @notice The guardian while its term runs, else the zero address.
     * @return The guardian.
     */
    function guardian() public view returns (address) {
        return block.timestamp < _guardianTermEnd ? _guardian : address(0);
    }

    /**
     * @notice When the guardian's power ends (timestamp; 0 with no guardian).
     * @return The term's end.
     */
    function guardianTermEnd() external view returns (uint256) {
        return _guardianTermEnd;
    }

    /**
     * @notice Cancel a live (Pending, Active, Succeeded or Queued) motion: OpenZeppelin's rules plus the guardian's
     * power. Defeated, like Canceled, Expired and Executed, is final (OpenZeppelin would let a canceller turn it into
     * Canceled). The guardian may not cancel a motion that changes a guardian.
     * @param targets Called contracts.
     * @param values Native coin per call.
     * @param calldatas Calldata per call.
     * @param descriptionHash keccak256 of the description.
     * @return The proposal id.
     */
    function cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) public virtual override returns (uint256) {
        uint256 proposalId = getProposalId(targets, values, calldatas, descriptionHash);
        _validateStateBitmap(
            proposalId,
            _encodeStateBitmap(ProposalState.Pending) |
                _encodeStateBitmap(ProposalState.Active) |
                _encodeStateBitmap(ProposalState.Succeeded) |
                _encodeStateBitmap(ProposalState.Queued)
        );
        if (msg.sender == guardian() && msg.sender != address(0) && motionPolicy().changesGuardian(calldatas)) {
            revert GovernorGuardianConflict(proposalId);
        }
        return super.cancel(targets, values, calldatas, descriptionHash);
    }

    /// @dev The guardian, within its term, may cancel any motion that has not executed.
    function _validateCancel(uint256 proposalId, address caller) internal view virtual override returns (bool) {
        address current = guardian();
        return (current != address(0) && caller == current) || super._validateCancel(proposalId, caller);
    }

    function _setGuardian(address newGuardian, uint256 term) private {
        uint48 termEnd = 0;
        if (newGuardian != address(0)) {
            if (term == 0 || term > MAX_GUARDIAN_TERM) revert GovernorInvalidGuardianTerm(term);
            termEnd = SafeCast.toUint48(block.timestamp + term);
        } else if (term != 0) {
            revert GovernorInvalidGuardianTerm(term);
        }
        _guardian = newGuardian;
        _guardianTermEnd = termEnd;
        emit GuardianSet(newGuardian, termEnd);
    }
}
