// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/**
 * @title MockERC1271Wallet
 * @notice Test-only smart-contract wallet: one owner EOA, whose ECDSA signatures the wallet accepts as its own
 * (ERC-1271), and through which the owner makes calls (for example, accepting a council voter nomination).
 */
contract MockERC1271Wallet is IERC1271 {
    /// @notice The owner whose signatures are valid for this wallet.
    address public immutable OWNER;

    /// @notice Only the owner may make the wallet call.
    error MockERC1271WalletNotOwner(address caller);
    /// @notice The owner must not be the zero address.
    error MockERC1271WalletZeroOwner();

    /**
     * @notice Deploys the wallet.
     * @param owner_ The owner EOA.
     */
    constructor(address owner_) {
        if (owner_ == address(0)) revert MockERC1271WalletZeroOwner();
        OWNER = owner_;
    }

    /**
     * @notice ERC-1271: whether `signature` is the owner's ECDSA signature of `hash`.
     * @param hash The signed digest.
     * @param signature A 65-byte ECDSA signature.
     * @return magicValue The ERC-1271 magic value when valid, else 0xffffffff.
     */
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4 magicValue) {
        (address recovered, ECDSA.RecoverError err, ) = ECDSA.tryRecover(hash, signature);
        return
            err == ECDSA.RecoverError.NoError && recovered == OWNER
                ? IERC1271.isValidSignature.selector
                : bytes4(0xffffffff);
    }

    /**
     * @notice The owner makes the wallet call `target` with `data` (no value); a revert bubbles up.
     * @param target The called contract.
     * @param data The calldata.
     * @return result The call's return data.
     */
    function execute(address target, bytes calldata data) external returns (bytes memory result) {
        if (msg.sender != OWNER) revert MockERC1271WalletNotOwner(msg.sender);
        return Address.functionCall(target, data);
    }
}
