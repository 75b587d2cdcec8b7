// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";

/**
 * @title MockSafeWallet
 * @notice Test-only Safe-like wallet owned by a DAO's timelock. Like a Safe's `SignMessageLib`, the owner marks a
 * digest as signed, and the wallet then accepts an empty signature for it (ERC-1271); the owner also makes the
 * wallet call other contracts (for example, to accept a council voter nomination).
 */
contract MockSafeWallet is IERC1271 {
    /// @notice The owner (a DAO's timelock).
    address public immutable OWNER;

    mapping(bytes32 digest => bool) private _signed;

    /// @notice A digest was marked as signed by the wallet.
    /// @param digest The digest.
    event MessageSigned(bytes32 indexed digest);

    /// @notice Only the owner may sign or make the wallet call.
    /// @param caller The caller.
    error MockSafeWalletNotOwner(address caller);

    /**
     * @notice Deploys the wallet.
     * @param owner_ The owner.
     */
    constructor(address owner_) {
        OWNER = owner_;
    }

    /**
     * @notice Mark `digest` as signed by the wallet (the owner only).
     * @param digest The digest (for a council ballot: the governor's EIP-712 Ballot digest).
     */
    function signMessage(bytes32 digest) external {
        if (msg.sender != OWNER) revert MockSafeWalletNotOwner(msg.sender);
        _signed[digest] = true;
        emit MessageSigned(digest);
    }

    /**
     * @notice The owner makes the wallet call `target` with `data`; a revert bubbles up.
     * @param target The called contract.
     * @param data The calldata.
     * @return result The call's return data.
     */
    function execute(address target, bytes calldata data) external returns (bytes memory result) {
        if (msg.sender != OWNER) revert MockSafeWalletNotOwner(msg.sender);
        return Address.functionCall(target, data);
    }

    /**
     * @notice ERC-1271: an empty signature is valid for a digest the wallet signed.
     * @param hash The digest.
     * @param signature Must be empty.
     * @return magicValue The ERC-1271 magic value when valid, else 0xffffffff.
     */
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4 magicValue) {
        return signature.length == 0 && _signed[hash] ? IERC1271.isValidSignature.selector : bytes4(0xffffffff);
    }
}
