// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/**
 * @title MockCommunityGovernor
 * @notice Test-only stand-in for the governor, its registry and its vault, as the petitions contract reads them:
 * it reports every subject valid (or not), counts the motions a sponsor opens per subject, and names the stake
 * token (zero for the native coin).
 */
contract MockCommunityGovernor {
    /// @notice The vault's stake token.
    address public stakeToken;
    /// @notice Whether subjects read as open applicants and active members.
    bool public subjectsValid = true;
    /// @notice Motions opened so far (ids 1 to this).
    uint256 public motionCount;
    /// @notice The sponsor of each motion.
    mapping(uint256 motionId => address) public sponsorOf;

    /**
     * @notice Deploys the mock.
     * @param token The stake token (zero for the native coin).
     */
    constructor(address token) {
        stakeToken = token;
    }

    /**
     * @notice Makes every subject valid or invalid.
     * @param valid Whether subjects are valid.
     */
    function setSubjectsValid(bool valid) external {
        subjectsValid = valid;
    }

    /**
     * @notice Itself, as the registry.
     * @return This contract.
     */
    function councilRegistry() external view returns (address) {
        return address(this);
    }

    /**
     * @notice Itself, as the vault.
     * @return This contract.
     */
    function stakeVault() external view returns (address) {
        return address(this);
    }

    /**
     * @notice Whether the application is open.
     * @return The configured answer.
     */
    function isApplicationOpen(uint256) external view returns (bool) {
        return subjectsValid;
    }

    /**
     * @notice Whether the member is active.
     * @return The configured answer.
     */
    function isActive(uint256) external view returns (bool) {
        return subjectsValid;
    }

    /**
     * @notice Application timestamps: applied now, so every application stays open for the sponsorship window.
     * @return appliedAt The current time.
     * @return joinedAt Zero.
     * @return leftAt Zero.
     */
    function memberTimestamps(uint256) external view returns (uint256 appliedAt, uint256 joinedAt, uint256 leftAt) {
        return (block.timestamp, 0, 0);
    }

    /**
     * @notice The sponsorship window.
     * @return 60 days.
     */
    function sponsorshipWindow() external pure returns (uint256) {
        return 60 days;
    }

    /**
     * @notice Opens an admission motion.
     * @return The motion id.
     */
    function proposeAdmission(uint256, string calldata) external returns (uint256) {
        return _open();
    }

    /**
     * @notice Opens a no-confidence motion.
     * @return The motion id.
     */
    function proposeNoConfidence(uint256, string calldata) external returns (uint256) {
        return _open();
    }

    function _open() private returns (uint256 id) {
        id = ++motionCount;
        sponsorOf[id] = msg.sender;
    }
}
