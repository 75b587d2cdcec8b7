// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title IKaiaAddressBook
 * @notice The part of Kaia's AddressBook (the system contract at 0x…0400) that links a consensus node to its
 * staking contract.
 */
interface IKaiaAddressBook {
    /**
     * @notice The registered node, staking contract and reward address of a consensus node; reverts when the node is
     * not registered.
     * @param cnNodeId The consensus node.
     * @return nodeId The node.
     * @return staking Its CnStaking contract.
     * @return rewardAddress Its reward address.
     */
    function getCnInfo(address cnNodeId) external view returns (address nodeId, address staking, address rewardAddress);
}
