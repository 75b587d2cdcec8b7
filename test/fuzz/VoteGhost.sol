// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CouncilRegistry} from "../../contracts/council/CouncilRegistry.sol";
import {StakeVault} from "../../contracts/council/StakeVault.sol";

/**
 * @title VoteGhost
 * @notice Ghost state shared by the council handlers: every timestamp at which a handler changed something, and
 * what each member's votes were computed from then (stake, registry status, stake unit), recorded independently of
 * the vault's own checkpoints so that the invariants can recompute past votes by the capped formula.
 */
abstract contract VoteGhost {
    uint48[] private _timestamps;
    mapping(uint48 timestamp => uint256 members) private _pastMembers;
    mapping(uint48 timestamp => mapping(uint256 memberId => uint256 stake)) private _pastStake;
    mapping(uint48 timestamp => mapping(uint256 memberId => bool active)) private _pastActive;
    mapping(uint48 timestamp => uint256 unit) private _pastUnit;

    /// @notice Every timestamp at which the handler changed something.
    function timestamps() external view returns (uint48[] memory) {
        return _timestamps;
    }

    /// @notice Votes by the capped formula from the stake, status and unit recorded at `timestamp`:
    /// `min(stake / unit, max(1, eligible - 1))` when eligible, else 0.
    function expectedPastVotes(uint48 timestamp, uint256 memberId) external view returns (uint256) {
        uint256 unit = _pastUnit[timestamp];
        uint256 members = _pastMembers[timestamp];
        uint256 eligible;
        for (uint256 id = 1; id <= members; ++id) {
            if (_pastActive[timestamp][id] && _pastStake[timestamp][id] >= unit) ++eligible;
        }
        if (!_pastActive[timestamp][memberId] || _pastStake[timestamp][memberId] < unit) return 0;
        uint256 cap = eligible > 2 ? eligible - 1 : 1;
        uint256 units = _pastStake[timestamp][memberId] / unit;
        return units < cap ? units : cap;
    }

    /// @dev Records the current timestamp and every member's stake, status and the stake unit (the last value in a
    /// second wins, as in the vault's checkpoints).
    function _recordVotes(CouncilRegistry registry, StakeVault vault) internal {
        uint48 now_ = uint48(block.timestamp);
        uint256 length = _timestamps.length;
        if (length == 0 || _timestamps[length - 1] != now_) _timestamps.push(now_);
        uint256 members = registry.memberCount();
        _pastMembers[now_] = members;
        _pastUnit[now_] = vault.stakeUnit();
        for (uint256 id = 1; id <= members; ++id) {
            _pastStake[now_][id] = vault.stakeOf(id);
            _pastActive[now_][id] = registry.isActive(id);
        }
    }
}
