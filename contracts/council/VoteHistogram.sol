// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title VoteHistogram
 * @notice How many eligible members hold each number of stake units (1 to 255), kept in a Fenwick (binary indexed)
 * tree so that the capped total `Σ min(u_i, cap)` is known in O(log 255) reads after an O(log 255) update.
 * @dev Node `i` (1..255) covers the unit values `(i - lowbit(i), i]` and holds two 16-bit sums over them: how many
 * members (`count`) and how many units (`units`). Eight 32-bit nodes share a storage slot, so the tree is 32 slots.
 * The counts fit: at most 255 members, each with at most 255 units, so `units <= 65,025 < 2^16`. A member with more
 * than 255 units is recorded at 255 (the vote cap is at most 254, so that clamp never changes a vote).
 */
library VoteHistogram {
    /// @notice The largest unit value the tree records.
    uint256 internal constant MAX_UNITS = 255;

    struct Tree {
        uint256[32] slots;
    }

    /**
     * @dev Add (`add` true) or remove one member holding `units` (1..255) units.
     */
    function update(Tree storage self, uint256 units, bool add) internal {
        for (uint256 i = units; i <= MAX_UNITS; i += i & (~i + 1)) {
            uint256 slot = i >> 3;
            uint256 shift = (i & 7) << 5;
            uint256 word = self.slots[slot];
            uint256 node = (word >> shift) & 0xffffffff;
            // count in the low 16 bits, units in the high 16 bits; both stay within 16 bits (see the title).
            node = add ? node + (1 | (units << 16)) : node - (1 | (units << 16));
            self.slots[slot] = (word & ~(uint256(0xffffffff) << shift)) | (node << shift);
        }
    }

    /**
     * @dev The number of recorded members with at most `cap` units, and the sum of their units.
     */
    function prefix(Tree storage self, uint256 cap) internal view returns (uint256 count, uint256 units) {
        for (uint256 i = cap; i > 0; i -= i & (~i + 1)) {
            uint256 node = (self.slots[i >> 3] >> ((i & 7) << 5)) & 0xffffffff;
            count += node & 0xffff;
            units += node >> 16;
        }
    }

    /**
     * @dev `Σ min(u_i, cap)` over the `members` recorded members.
     */
    function cappedTotal(Tree storage self, uint256 cap, uint256 members) internal view returns (uint256) {
        (uint256 count, uint256 units) = prefix(self, cap);
        return units + cap * (members - count);
    }

    /**
     * @dev Adds one member with `units` units to a tree held in memory (for a rebuild).
     */
    function updateMemory(uint256[32] memory slots, uint256 units) internal pure {
        for (uint256 i = units; i <= MAX_UNITS; i += i & (~i + 1)) {
            slots[i >> 3] += (1 | (units << 16)) << ((i & 7) << 5);
        }
    }

    /**
     * @dev Replaces the whole tree (after a stake unit change).
     */
    function store(Tree storage self, uint256[32] memory slots) internal {
        for (uint256 s = 0; s < 32; ++s) {
            if (self.slots[s] != slots[s]) self.slots[s] = slots[s];
        }
    }
}
