// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title AddressBookMock
 * @notice Test double of Kaia's AddressBook: consensus nodes with their staking contract and reward address;
 * `getCnInfo` reverts for a node that is not registered.
 */
contract AddressBookMock {
    struct CnInfo {
        address staking;
        address reward;
    }

    mapping(address node => CnInfo) private _info;
    address[] private _nodes;

    /// @notice The node is not registered.
    error AddressBookMockInvalidCnNodeId(address node);

    /**
     * @notice Register a consensus node (test setup).
     * @param node The node.
     * @param staking Its staking contract.
     * @param reward Its reward address.
     */
    function register(address node, address staking, address reward) external {
        if (_info[node].staking == address(0)) _nodes.push(node);
        _info[node] = CnInfo(staking, reward);
    }

    /**
     * @notice A node's node id, staking contract and reward address; reverts when unknown.
     * @param node The node.
     * @return The node.
     * @return Its staking contract.
     * @return Its reward address.
     */
    function getCnInfo(address node) external view returns (address, address, address) {
        CnInfo memory info = _info[node];
        if (info.staking == address(0)) revert AddressBookMockInvalidCnNodeId(node);
        return (node, info.staking, info.reward);
    }

    /**
     * @notice Every node, staking contract and reward address, and the two fund contracts (none here).
     * @return nodes The nodes.
     * @return stakings Their staking contracts.
     * @return rewards Their reward addresses.
     * @return The KIR fund (none).
     * @return The PoC fund (none).
     */
    function getAllAddressInfo()
        external
        view
        returns (address[] memory nodes, address[] memory stakings, address[] memory rewards, address, address)
    {
        nodes = _nodes;
        stakings = new address[](nodes.length);
        rewards = new address[](nodes.length);
        for (uint256 i = 0; i < nodes.length; ++i) {
            stakings[i] = _info[nodes[i]].staking;
            rewards[i] = _info[nodes[i]].reward;
        }
        return (nodes, stakings, rewards, address(0), address(0));
    }
}
