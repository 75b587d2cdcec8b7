// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {ICouncilGovernor} from "../../interfaces/ICouncilGovernor.sol";

/**
 * @title GovernorCodePinning
 * @notice Records the code of every target when a motion is proposed, and refuses to execute it if any target's
 * code has changed since (the Tornado Cash governance takeover swapped a proposal's target after the vote).
 * @dev One digest per motion (the hash of all targets' code hashes), so proposing costs one storage write. An
 * account with no code counts the same whether or not it exists (EXTCODEHASH 0 or the empty hash), so a payee that
 * receives coin in the meantime does not block execution; gaining code, or any code change, does.
 */
abstract contract GovernorCodePinning is Governor, ICouncilGovernor {
    bytes32 private constant _EMPTY_CODEHASH = keccak256("");

    mapping(uint256 proposalId => bytes32) private _codeDigests;

    /**
     * @notice The code digest recorded for a motion.
     * @param proposalId The proposal.
     * @return The digest.
     */
    function proposalCodeDigest(uint256 proposalId) external view returns (bytes32) {
        return _codeDigests[proposalId];
    }

    /**
     * @notice The digest of the targets' current code.
     * @param targets The targets.
     * @return The digest.
     */
    function codeDigest(address[] memory targets) public view returns (bytes32) {
        bytes32[] memory hashes = new bytes32[](targets.length);
        for (uint256 i = 0; i < targets.length; ++i) {
            bytes32 h = targets[i].codehash;
            hashes[i] = h == bytes32(0) ? _EMPTY_CODEHASH : h;
        }
        return keccak256(abi.encodePacked(hashes));
    }

    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal virtual override returns (uint256 proposalId) {
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        _codeDigests[proposalId] = codeDigest(targets);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal virtual override {
        if (codeDigest(targets) != _codeDigests[proposalId]) revert GovernorTargetCodeChanged(proposalId);
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }
}
